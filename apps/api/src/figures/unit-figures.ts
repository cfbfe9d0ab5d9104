import type { IsoDate } from "@cpm/schema/rules";
import { Prisma } from "../generated/prisma/client";
import { projectMetricsOnDaysCte, type UnitYear } from "../sql/project-metrics";

type Tx = Prisma.TransactionClient;

/** The sums a dashboard shows, over rows `f` of per-project figures (as of one day) joined to their project `p`. */
const SUMS = Prisma.sql`
  COUNT(*)::int,
  COALESCE(SUM(COALESCE(f.progress, 0)), 0),
  (COUNT(*) FILTER (WHERE f.schedule_status = 'done'))::int,
  (COUNT(*) FILTER (WHERE f.schedule_status = 'no_schedule'))::int,
  (COUNT(*) FILTER (WHERE f.schedule_status = 'not_started'))::int,
  (COUNT(*) FILTER (WHERE f.schedule_status = 'behind'))::int,
  (COUNT(*) FILTER (WHERE f.schedule_status = 'on_track'))::int,
  (COUNT(*) FILTER (WHERE f.schedule_status = 'late'))::int,
  (COUNT(*) FILTER (WHERE NOT f.reported_this_month))::int,
  (COUNT(*) FILTER (WHERE COALESCE(f.progress, 0) < 25))::int,
  (COUNT(*) FILTER (WHERE f.progress >= 25 AND f.progress < 50))::int,
  (COUNT(*) FILTER (WHERE f.progress >= 50 AND f.progress < 75))::int,
  (COUNT(*) FILTER (WHERE f.progress >= 75 AND f.progress < 100))::int,
  (COUNT(*) FILTER (WHERE f.progress >= 100))::int,
  SUM(p.budget_allocated),
  SUM(f.spent),
  (COUNT(*) FILTER (WHERE f.spent_undated))::int`;

const SUM_COLUMNS = Prisma.raw(`projects, progress_sum, done, no_schedule, not_started, behind, on_track, late,
  not_reported, under_25, under_50, under_75, under_100, complete, allocated, spent, spent_undated`);

const UPDATE_SUMS = Prisma.raw(`projects = EXCLUDED.projects, progress_sum = EXCLUDED.progress_sum,
  done = EXCLUDED.done, no_schedule = EXCLUDED.no_schedule, not_started = EXCLUDED.not_started,
  behind = EXCLUDED.behind, on_track = EXCLUDED.on_track, late = EXCLUDED.late, not_reported = EXCLUDED.not_reported,
  under_25 = EXCLUDED.under_25, under_50 = EXCLUDED.under_50, under_75 = EXCLUDED.under_75,
  under_100 = EXCLUDED.under_100, complete = EXCLUDED.complete, allocated = EXCLUDED.allocated,
  spent = EXCLUDED.spent, spent_undated = EXCLUDED.spent_undated, revision = EXCLUDED.revision`);

function unitYearFilter(column: string, unitYears: UnitYear[] | "all"): Prisma.Sql {
  if (unitYears === "all") return Prisma.sql`TRUE`;
  return Prisma.sql`(${Prisma.raw(column)}.unit_id, ${Prisma.raw(column)}.fiscal_year) IN (
    SELECT * FROM unnest(${unitYears.map((u) => u.unitId)}::int[], ${unitYears.map((u) => u.fiscalYear)}::int[]))`;
}

/** Sum the kept per-project figures of some units' fiscal years into unit_figures (rows of units left with none go). */
export async function keepUnitFigures(tx: Tx, unitYears: UnitYear[] | "all", today: IsoDate): Promise<void> {
  if (unitYears !== "all" && unitYears.length === 0) return;
  // one statement: units' years left without projects lose their row, the others get theirs
  await tx.$executeRaw`
    WITH gone AS (
      DELETE FROM unit_figures u
      WHERE ${unitYearFilter("u", unitYears)}
        AND NOT EXISTS (SELECT 1 FROM project_figures f WHERE f.unit_id = u.unit_id AND f.fiscal_year = u.fiscal_year)
    )
    INSERT INTO unit_figures (unit_id, fiscal_year, as_of, ${SUM_COLUMNS})
    SELECT f.unit_id, f.fiscal_year, ${today}::date, ${SUMS}
    FROM project_figures f JOIN project p ON p.id = f.project_id
    WHERE ${unitYearFilter("f", unitYears)}
    GROUP BY f.unit_id, f.fiscal_year
    ON CONFLICT (unit_id, fiscal_year) DO UPDATE SET as_of = EXCLUDED.as_of, ${UPDATE_SUMS}`;
}

/**
 * Freeze the sums as of closed months' ends for some units' fiscal years (or all of the fiscal
 * year): the shared rules evaluated as of each of those days over those units' projects, in one pass.
 */
export async function freezeUnitMonths(
  tx: Tx,
  monthEnds: IsoDate[],
  fiscalYear: number,
  unitYears: UnitYear[] | "all",
): Promise<void> {
  const scoped = unitYears === "all" ? [] : unitYears.filter((u) => u.fiscalYear === fiscalYear);
  if (monthEnds.length === 0 || (unitYears !== "all" && scoped.length === 0)) return;
  const scope = unitYears === "all" ? { fiscalYear } : { fiscalYear, unitYears: scoped };
  await tx.$executeRaw`
    WITH RECURSIVE ${projectMetricsOnDaysCte(monthEnds, scope)},
    f AS (
      SELECT m.project_id, m.as_of, p.unit_id, p.fiscal_year, m.progress, m.schedule_status, m.reported_this_month,
        m.spent, m.spent_undated
      FROM metrics m JOIN project p ON p.id = m.project_id
    ),
    gone AS (
      DELETE FROM unit_month_figures u
      WHERE u.month_end = ANY(${monthEnds}::date[]) AND u.fiscal_year = ${fiscalYear}
        AND ${unitYearFilter("u", unitYears === "all" ? "all" : scoped)}
        AND NOT EXISTS (SELECT 1 FROM project p WHERE p.unit_id = u.unit_id AND p.fiscal_year = u.fiscal_year
          AND p.deleted_at IS NULL)
    )
    INSERT INTO unit_month_figures (unit_id, fiscal_year, month_end, ${SUM_COLUMNS})
    SELECT f.unit_id, f.fiscal_year, f.as_of, ${SUMS}
    FROM f JOIN project p ON p.id = f.project_id
    GROUP BY f.unit_id, f.fiscal_year, f.as_of
    ON CONFLICT (month_end, fiscal_year, unit_id) DO UPDATE SET ${UPDATE_SUMS}`;
}

/** Count a unit's KPIs of a fiscal year and those that reached their target, in the year and in each quarter. */
export async function keepIndicatorFigures(tx: Tx, unitYears: UnitYear[] | "all"): Promise<void> {
  if (unitYears !== "all" && unitYears.length === 0) return;
  const reached = (quarter: number) => Prisma.sql`(COUNT(*) FILTER (WHERE EXISTS (
    SELECT 1 FROM indicator_quarter_result q WHERE q.indicator_id = i.id AND q.quarter = ${quarter} AND q.value >= i.target)))::int`;
  await tx.$executeRaw`
    INSERT INTO unit_indicator_figures AS k (unit_id, fiscal_year, indicators, achieved, achieved_q1, achieved_q2,
      achieved_q3, achieved_q4)
    SELECT i.unit_id, i.fiscal_year, COUNT(*)::int, (COUNT(*) FILTER (WHERE i.achieved >= i.target))::int,
      ${reached(1)}, ${reached(2)}, ${reached(3)}, ${reached(4)}
    FROM indicator i
    WHERE ${unitYearFilter("i", unitYears)}
    GROUP BY i.unit_id, i.fiscal_year
    ON CONFLICT (unit_id, fiscal_year) DO UPDATE SET indicators = EXCLUDED.indicators, achieved = EXCLUDED.achieved,
      achieved_q1 = EXCLUDED.achieved_q1, achieved_q2 = EXCLUDED.achieved_q2, achieved_q3 = EXCLUDED.achieved_q3,
      achieved_q4 = EXCLUDED.achieved_q4, revision = EXCLUDED.revision`;
  await tx.$executeRaw`
    DELETE FROM unit_indicator_figures k
    WHERE ${unitYearFilter("k", unitYears)}
      AND NOT EXISTS (SELECT 1 FROM indicator i WHERE i.unit_id = k.unit_id AND i.fiscal_year = k.fiscal_year)`;
}
