import {
  fiscalYearOf,
  fiscalYearSpan,
  type IsoDate,
  judgeKpi,
  type KpiDefinition,
  type KpiDirection,
  type KpiMeasureType,
  type Quarter,
} from "@cpm/schema/rules";
import { Prisma } from "../generated/prisma/client";
import type { UnitYear } from "../sql/project-metrics";

type Tx = Prisma.TransactionClient;

interface DefinitionRow {
  id: number;
  unitId: number;
  fiscalYear: number;
  measureType: KpiMeasureType;
  direction: KpiDirection;
  cumulative: boolean;
  baseline: number | null;
  target: number;
  targets: (number | null)[];
  onTrackMargin: number;
  achieved: number | null;
  quarters: { quarter: Quarter; value: number }[];
}

/** Which KPIs to judge: some, every one, or those due (never judged, or whose year ended since). */
export type JudgementScope = { ids: number[] } | "all" | "due";

const BATCH = 5_000;

/** A KPI's definition as the shared rule takes it, from its row's fields. */
export function kpiDefinitionOf(row: {
  measureType: KpiMeasureType;
  direction: KpiDirection;
  cumulative: boolean;
  baseline: number | null;
  target: number;
  quarterTargets: (number | null)[];
  onTrackMargin: number;
}): KpiDefinition {
  return { ...row };
}

function scopeFilter(scope: JudgementScope, today: IsoDate): Prisma.Sql {
  if (scope === "all") return Prisma.sql`TRUE`;
  if (scope === "due") {
    return Prisma.sql`(i.judged_on IS NULL OR (NOT i.judged_final AND i.fiscal_year < ${fiscalYearOf(today)}))`;
  }
  return Prisma.sql`i.id = ANY(${scope.ids}::int[])`;
}

/**
 * Judge KPIs by the shared rule (rules/kpi-status.ts) as of `today` and keep the judgement on
 * their rows: status, achievement, whether it is final, and the day. Returns the units' years
 * whose KPI counts this changes. In batches, so that a national database's KPIs fit in memory.
 */
export async function judgeIndicators(tx: Tx, scope: JudgementScope, today: IsoDate): Promise<UnitYear[]> {
  if (typeof scope === "object" && scope.ids.length === 0) return [];
  const touched = new Map<string, UnitYear>();
  let after = 0;
  for (;;) {
    const rows = await tx.$queryRaw<DefinitionRow[]>`
      SELECT i.id, i.unit_id AS "unitId", i.fiscal_year AS "fiscalYear", i.measure_type::text AS "measureType",
        i.direction::text AS direction, i.cumulative, i.baseline::float8 AS baseline, i.target::float8 AS target,
        ARRAY[i.target_q1::float8, i.target_q2::float8, i.target_q3::float8, i.target_q4::float8] AS targets,
        i.on_track_margin::float8 AS "onTrackMargin", i.achieved::float8 AS achieved,
        COALESCE((SELECT json_agg(json_build_object('quarter', q.quarter, 'value', q.value::float8))
          FROM indicator_quarter_result q WHERE q.indicator_id = i.id), '[]'::json) AS quarters
      FROM indicator i
      WHERE i.id > ${after} AND ${scopeFilter(scope, today)}
      ORDER BY i.id
      LIMIT ${BATCH}`;
    if (rows.length === 0) break;
    const judged = rows.map((row) => {
      touched.set(`${row.unitId}.${row.fiscalYear}`, { unitId: row.unitId, fiscalYear: row.fiscalYear });
      const definition = kpiDefinitionOf({ ...row, quarterTargets: row.targets });
      const yearOver = today > fiscalYearSpan(row.fiscalYear).end;
      return judgeKpi(definition, { quarters: row.quarters, entered: row.achieved, yearOver });
    });
    await tx.$executeRaw`
      UPDATE indicator i SET status = u.status::"KpiStatus", achievement = u.achievement, judged_final = u.final,
        judged_on = ${today}::date
      FROM unnest(${rows.map((row) => row.id)}::int[], ${judged.map((j) => j.status)}::text[],
        ${judged.map((j) => j.achievement)}::numeric[], ${judged.map((j) => j.final)}::boolean[])
        AS u(id, status, achievement, final)
      WHERE i.id = u.id`;
    after = rows.at(-1)?.id ?? after;
    if (rows.length < BATCH) break;
  }
  return [...touched.values()];
}

function unitYearFilter(alias: "i" | "k", unitYears: UnitYear[] | "all"): Prisma.Sql {
  if (unitYears === "all") return Prisma.sql`TRUE`;
  return Prisma.sql`(${Prisma.raw(alias)}.unit_id, ${Prisma.raw(alias)}.fiscal_year) IN (
    SELECT * FROM unnest(${unitYears.map((u) => u.unitId)}::int[], ${unitYears.map((u) => u.fiscalYear)}::int[]))`;
}

/**
 * Count the units' KPIs by kept status into their unit_indicator_figures rows. Runs after those
 * rows were upserted in the same transaction (which bumped their revision).
 */
export async function keepIndicatorStatusCounts(tx: Tx, unitYears: UnitYear[] | "all"): Promise<void> {
  if (unitYears !== "all" && unitYears.length === 0) return;
  await tx.$executeRaw`
    UPDATE unit_indicator_figures k SET
      status_achieved = c.achieved, status_on_track = c.on_track, status_at_risk = c.at_risk, status_missed = c.missed
    FROM (
      SELECT i.unit_id, i.fiscal_year,
        (COUNT(*) FILTER (WHERE i.status = 'achieved'))::int AS achieved,
        (COUNT(*) FILTER (WHERE i.status = 'on_track'))::int AS on_track,
        (COUNT(*) FILTER (WHERE i.status = 'at_risk'))::int AS at_risk,
        (COUNT(*) FILTER (WHERE i.status = 'missed'))::int AS missed
      FROM indicator i WHERE ${unitYearFilter("i", unitYears)}
      GROUP BY i.unit_id, i.fiscal_year
    ) c
    WHERE c.unit_id = k.unit_id AND c.fiscal_year = k.fiscal_year`;
}
