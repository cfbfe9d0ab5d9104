import { createHash } from "node:crypto";
import { type Dashboard, type DashboardFigures, dashboard } from "@cpm/schema";
import { fiscalQuarterSpan, fiscalYearSpan, type IsoDate, type Quarter, round2 } from "@cpm/schema/rules";
import { keptSourceFor } from "../figures";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { answerCache, serialize } from "../lib/answer-cache";
import { notFound } from "../lib/problems";
import { projectMetricsCte, unitSubtreeCte } from "../sql/project-metrics";

interface FigureRow {
  group_id: number | null;
  projects: bigint;
  average_progress: Prisma.Decimal | null;
  done: bigint;
  no_schedule: bigint;
  not_started: bigint;
  behind: bigint;
  on_track: bigint;
  late: bigint;
  not_reported: bigint;
  p25: bigint;
  p50: bigint;
  p75: bigint;
  p100: bigint;
  complete: bigint;
  allocated: Prisma.Decimal | null;
  spent: Prisma.Decimal | null;
  spent_undated: bigint;
}

interface IndicatorRow {
  group_id: number | null;
  indicators: bigint;
  achieved: bigint;
  status_achieved: bigint;
  status_on_track: bigint;
  status_at_risk: bigint;
  status_missed: bigint;
}

function toFigures(row: FigureRow | undefined, kpi: IndicatorRow | undefined): DashboardFigures {
  const allocated = Number(row?.allocated ?? 0);
  const spent = Number(row?.spent ?? 0);
  return {
    projects: Number(row?.projects ?? 0),
    averageProgress: row?.average_progress == null ? null : Number(row.average_progress),
    byStatus: {
      done: Number(row?.done ?? 0),
      no_schedule: Number(row?.no_schedule ?? 0),
      not_started: Number(row?.not_started ?? 0),
      behind: Number(row?.behind ?? 0),
      on_track: Number(row?.on_track ?? 0),
      late: Number(row?.late ?? 0),
    },
    notReportedThisMonth: Number(row?.not_reported ?? 0),
    progressDistribution: [row?.p25, row?.p50, row?.p75, row?.p100, row?.complete].map((n) => Number(n ?? 0)),
    budgetAllocated: allocated,
    budgetSpent: spent,
    budgetSpentUndated: Number(row?.spent_undated ?? 0),
    disbursementRate: allocated > 0 ? round2((spent / allocated) * 100) : null,
    indicators: Number(kpi?.indicators ?? 0),
    indicatorsAchieved: Number(kpi?.achieved ?? 0),
    indicatorStatus: {
      achieved: Number(kpi?.status_achieved ?? 0),
      on_track: Number(kpi?.status_on_track ?? 0),
      at_risk: Number(kpi?.status_at_risk ?? 0),
      missed: Number(kpi?.status_missed ?? 0),
    },
  };
}

interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  nameSortKey: string;
  isTarget: boolean;
}

/** A unit (by code, or the root when null) and its child units, in one statement. */
async function unitWithChildren(db: PrismaClient, unitCode: string | null) {
  const target =
    unitCode === null
      ? Prisma.sql`SELECT id FROM org_unit WHERE parent_id IS NULL ORDER BY id LIMIT 1`
      : Prisma.sql`SELECT id FROM org_unit WHERE code = ${unitCode}`;
  const rows = await db.$queryRaw<UnitRow[]>`
    WITH target AS (${target})
    SELECT u.id, u.code, u.name, u.kind::text AS kind, u.name_sort_key AS "nameSortKey",
      u.id = (SELECT id FROM target) AS "isTarget"
    FROM org_unit u
    WHERE u.id = (SELECT id FROM target) OR u.parent_id = (SELECT id FROM target)`;
  const unit = rows.find((row) => row.isTarget);
  if (!unit) throw notFound("unit", unitCode ?? "(root)", "หน่วยงาน");
  return { unit, children: rows.filter((row) => !row.isTarget) };
}

/** The figures computed from the data as of any day: every project of the year, evaluated now. */
async function liveFigures(
  prisma: PrismaClient,
  unitCode: string,
  groups: Prisma.Sql,
  fiscalYear: number,
  asOf: IsoDate,
): Promise<FigureRow[]> {
  return prisma.$queryRaw<FigureRow[]>`
    WITH RECURSIVE ${unitSubtreeCte(unitCode)}, ${groups}, ${projectMetricsCte(asOf, { fiscalYear })}
    SELECT gr.group_id,
      COUNT(*) AS projects,
      ROUND(ROUND(AVG(COALESCE(m.progress, 0)), 6), 2) AS average_progress,
      COUNT(*) FILTER (WHERE m.schedule_status = 'done') AS done,
      COUNT(*) FILTER (WHERE m.schedule_status = 'no_schedule') AS no_schedule,
      COUNT(*) FILTER (WHERE m.schedule_status = 'not_started') AS not_started,
      COUNT(*) FILTER (WHERE m.schedule_status = 'behind') AS behind,
      COUNT(*) FILTER (WHERE m.schedule_status = 'on_track') AS on_track,
      COUNT(*) FILTER (WHERE m.schedule_status = 'late') AS late,
      COUNT(*) FILTER (WHERE NOT m.reported_this_month) AS not_reported,
      COUNT(*) FILTER (WHERE COALESCE(m.progress, 0) < 25) AS p25,
      COUNT(*) FILTER (WHERE m.progress >= 25 AND m.progress < 50) AS p50,
      COUNT(*) FILTER (WHERE m.progress >= 50 AND m.progress < 75) AS p75,
      COUNT(*) FILTER (WHERE m.progress >= 75 AND m.progress < 100) AS p100,
      COUNT(*) FILTER (WHERE m.progress >= 100) AS complete,
      SUM(p.budget_allocated) AS allocated,
      SUM(m.spent) AS spent,
      COUNT(*) FILTER (WHERE m.spent_undated) AS spent_undated
    FROM project p
    JOIN metrics m ON m.project_id = p.id
    JOIN grouped gr ON gr.id = p.unit_id
    WHERE p.fiscal_year = ${fiscalYear}
    GROUP BY ROLLUP (gr.group_id)`;
}

/**
 * The same figures summed from the units' kept rows: today's (unit_figures) or a frozen month
 * end's (unit_month_figures). Reads one row per unit, whatever the number of projects.
 */
async function keptFigures(
  prisma: PrismaClient,
  unitCode: string,
  groups: Prisma.Sql,
  fiscalYear: number,
  monthEnd: IsoDate | null,
): Promise<FigureRow[]> {
  const rows = monthEnd
    ? Prisma.sql`unit_month_figures f WHERE f.month_end = ${monthEnd}::date AND f.fiscal_year = ${fiscalYear}`
    : Prisma.sql`unit_figures f WHERE f.fiscal_year = ${fiscalYear}`;
  return prisma.$queryRaw<FigureRow[]>`
    WITH RECURSIVE ${unitSubtreeCte(unitCode)}, ${groups},
    kept AS (SELECT f.* FROM ${rows})
    SELECT gr.group_id,
      SUM(f.projects) AS projects,
      ROUND(ROUND(SUM(f.progress_sum) / NULLIF(SUM(f.projects), 0), 6), 2) AS average_progress,
      SUM(f.done) AS done, SUM(f.no_schedule) AS no_schedule, SUM(f.not_started) AS not_started,
      SUM(f.behind) AS behind, SUM(f.on_track) AS on_track, SUM(f.late) AS late,
      SUM(f.not_reported) AS not_reported,
      SUM(f.under_25) AS p25, SUM(f.under_50) AS p50, SUM(f.under_75) AS p75, SUM(f.under_100) AS p100,
      SUM(f.complete) AS complete, SUM(f.allocated) AS allocated, SUM(f.spent) AS spent,
      SUM(f.spent_undated) AS spent_undated
    FROM kept f
    JOIN grouped gr ON gr.id = f.unit_id
    GROUP BY ROLLUP (gr.group_id)`;
}

/** The day a dashboard's figures are as of: the period's end, or today if sooner, unless one is asked. */
function dashboardAsOf(fiscalYear: number, quarter: Quarter | undefined, today: IsoDate, asOfParam?: IsoDate) {
  const period = quarter ? fiscalQuarterSpan(fiscalYear, quarter) : fiscalYearSpan(fiscalYear);
  return { period, asOf: asOfParam ?? (today < period.end ? today : period.end) };
}

/**
 * What a fiscal year's kept sums are now: how many rows and the highest revision of each table
 * (every write bumps its rows' revision; a row removed lowers the count). Equal tags, equal sums.
 */
async function revisionsOf(db: PrismaClient, fiscalYear: number): Promise<string> {
  const rows = await db.$queryRaw<{ tag: string }[]>`
    SELECT concat_ws('.',
      (SELECT COUNT(*) || '-' || COALESCE(MAX(revision), 0) FROM unit_figures WHERE fiscal_year = ${fiscalYear}),
      (SELECT COUNT(*) || '-' || COALESCE(MAX(revision), 0) FROM unit_month_figures WHERE fiscal_year = ${fiscalYear}),
      (SELECT COUNT(*) || '-' || COALESCE(MAX(revision), 0) FROM unit_indicator_figures WHERE fiscal_year = ${fiscalYear}),
      -- units imported since (they have no figures yet, but a row on the dashboard): an import only adds units
      (SELECT COUNT(*) || '-' || COALESCE(MAX(id), 0) FROM org_unit)
    ) AS tag`;
  return rows[0]?.tag ?? "";
}

/**
 * Figures for a unit and each of its child units (each with its whole subtree), from the source
 * the day calls for: kept today's, a frozen month end's, or computed live.
 */
async function buildDashboard(
  db: PrismaClient,
  source: "current" | "month" | "live",
  unitCode: string | null,
  fiscalYear: number,
  quarter: Quarter | undefined,
  period: { start: IsoDate; end: IsoDate },
  asOf: IsoDate,
): Promise<Dashboard> {
  const { unit, children } = await unitWithChildren(db, unitCode);
  // Map every unit of the subtree to the child it rolls up to (the unit itself for its own projects).
  const groups = Prisma.sql`
    groups AS (
      SELECT id, id AS group_id FROM org_unit WHERE parent_id = ${unit.id}
      UNION ALL
      SELECT u.id, g.group_id FROM org_unit u JOIN groups g ON u.parent_id = g.id
    ),
    grouped AS (
      SELECT s.id, COALESCE(g.group_id, ${unit.id}) AS group_id FROM subtree s LEFT JOIN groups g ON g.id = s.id
    )`;
  const achieved = quarter ? Prisma.raw(`achieved_q${quarter}`) : Prisma.raw("achieved");
  const [figures, kpis] = await Promise.all([
    source === "live"
      ? liveFigures(db, unit.code, groups, fiscalYear, asOf)
      : keptFigures(db, unit.code, groups, fiscalYear, source === "month" ? asOf : null),
    db.$queryRaw<IndicatorRow[]>`
      WITH RECURSIVE ${unitSubtreeCte(unit.code)}, ${groups}
      SELECT gr.group_id, SUM(k.indicators) AS indicators, SUM(k.${achieved}) AS achieved,
        SUM(k.status_achieved) AS status_achieved, SUM(k.status_on_track) AS status_on_track,
        SUM(k.status_at_risk) AS status_at_risk, SUM(k.status_missed) AS status_missed
      FROM unit_indicator_figures k
      JOIN grouped gr ON gr.id = k.unit_id
      WHERE k.fiscal_year = ${fiscalYear}
      GROUP BY ROLLUP (gr.group_id)`,
  ]);

  const figuresOf = (groupId: number | null) => figures.find((row) => row.group_id === groupId);
  const kpisOf = (groupId: number | null) => kpis.find((row) => row.group_id === groupId);
  const rowsUnits = [...children];
  if (figuresOf(unit.id) || kpisOf(unit.id)) rowsUnits.unshift(unit);
  return {
    fiscalYear,
    quarter: quarter ?? null,
    asOf,
    periodStart: period.start,
    periodEnd: period.end,
    unit: { code: unit.code, name: unit.name, kind: unit.kind },
    totals: toFigures(figuresOf(null), kpisOf(null)),
    units: rowsUnits
      .map((child) => ({
        unitCode: child.code,
        unitName: child.name,
        unitKind: child.kind,
        nameSortKey: child.nameSortKey,
        ...toFigures(figuresOf(child.id), kpisOf(child.id)),
      }))
      .sort((a, b) => (a.nameSortKey < b.nameSortKey ? -1 : a.nameSortKey > b.nameSortKey ? 1 : 0))
      .map(({ nameSortKey: _key, ...row }) => row),
  };
}

export function dashboardRepository(prisma: PrismaClient, laggingReads: () => PrismaClient = () => prisma) {
  const answers = answerCache(16 * 1024 * 1024);
  return {
    /**
     * The dashboard serialized, with an ETag when it comes from kept figures: then a repeated read
     * costs one look at the year's revisions, and the answer is the one already serialized.
     */
    async answer(
      unitCode: string | null,
      fiscalYear: number,
      quarter: Quarter | undefined,
      today: IsoDate,
      asOfParam?: IsoDate,
    ): Promise<{ etag: string | null; json: string }> {
      const db = laggingReads();
      const { period, asOf } = dashboardAsOf(fiscalYear, quarter, today, asOfParam);
      const source = await keptSourceFor(db, asOf, today);
      const build = () => buildDashboard(db, source, unitCode, fiscalYear, quarter, period, asOf);
      if (source === "live") return { etag: null, json: serialize(dashboard, await build()) };
      const tag = `${unitCode ?? "city"}.${fiscalYear}.${quarter ?? 0}.${asOf}.${source}.${await revisionsOf(db, fiscalYear)}`;
      const etag = `"d.${createHash("sha256").update(tag).digest("base64url").slice(0, 22)}"`;
      const json = answers.get(tag) ?? answers.put(tag, dashboard, await build());
      return { etag, json };
    },

    /** `unitCode` null: the city, the root of the unit tree. */
    async forUnit(
      unitCode: string | null,
      fiscalYear: number,
      quarter: Quarter | undefined,
      today: IsoDate,
      asOfParam?: IsoDate,
    ): Promise<Dashboard> {
      // a dashboard may lag a replica's second behind the primary
      const db = laggingReads();
      const { period, asOf } = dashboardAsOf(fiscalYear, quarter, today, asOfParam);
      const source = await keptSourceFor(db, asOf, today);
      return buildDashboard(db, source, unitCode, fiscalYear, quarter, period, asOf);
    },

    /** Fiscal years that have data, and the current one, newest first. */
    async fiscalYears(current: number) {
      const rows = await prisma.fiscalYear.findMany({ select: { year: true } });
      const years = [...new Set([current, ...rows.map((row) => row.year)])].sort((a, b) => b - a);
      return years.map((year) => {
        const span = fiscalYearSpan(year);
        return { year, startsOn: span.start, endsOn: span.end };
      });
    },
  };
}

export type DashboardRepository = ReturnType<typeof dashboardRepository>;
