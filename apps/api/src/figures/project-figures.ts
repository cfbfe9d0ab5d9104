import type { IsoDate } from "@cpm/schema/rules";
import { Prisma } from "../generated/prisma/client";
import { type MetricsScope, projectMetricsCte, type UnitYear } from "../sql/project-metrics";

type Tx = Prisma.TransactionClient;

/** The units' fiscal years that some projects count in (before or after a change), without repeats. */
export async function unitYearsOf(tx: Tx, projectIds: number[]): Promise<UnitYear[]> {
  if (projectIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ unit_id: number; fiscal_year: number }[]>`
    SELECT unit_id, fiscal_year FROM project WHERE id = ANY(${projectIds}::int[])
    UNION
    SELECT unit_id, fiscal_year FROM project_figures WHERE project_id = ANY(${projectIds}::int[])`;
  return rows.map((row) => ({ unitId: row.unit_id, fiscalYear: row.fiscal_year }));
}

/**
 * Evaluate the shared rules (sql/project-metrics.ts) for some live projects as of `today` and keep
 * the result; a deleted project loses its row. One statement each, whatever the number of projects.
 */
export async function keepProjectFigures(tx: Tx, scope: MetricsScope, today: IsoDate): Promise<void> {
  const ofScope = scope.projectIds ? Prisma.sql`f.project_id = ANY(${scope.projectIds}::int[])` : Prisma.sql`TRUE`;
  // one statement: deleted projects lose their row, live ones get theirs (disjoint rows, one snapshot)
  await tx.$executeRaw`
    WITH RECURSIVE ${projectMetricsCte(today, scope)},
    gone AS (
      DELETE FROM project_figures f USING project p
      WHERE ${ofScope} AND p.id = f.project_id AND p.deleted_at IS NOT NULL
    )
    INSERT INTO project_figures AS f (project_id, unit_id, fiscal_year, progress, last_report_date, planned,
      schedule_status, reported_this_month, spent, spent_undated, as_of)
    SELECT p.id, p.unit_id, p.fiscal_year, m.progress, m.last_report_date, m.planned, m.schedule_status,
      m.reported_this_month, m.spent, m.spent_undated, ${today}::date
    FROM project p JOIN metrics m ON m.project_id = p.id
    ON CONFLICT (project_id) DO UPDATE SET
      unit_id = EXCLUDED.unit_id, fiscal_year = EXCLUDED.fiscal_year, progress = EXCLUDED.progress,
      last_report_date = EXCLUDED.last_report_date, planned = EXCLUDED.planned,
      schedule_status = EXCLUDED.schedule_status, reported_this_month = EXCLUDED.reported_this_month,
      spent = EXCLUDED.spent, spent_undated = EXCLUDED.spent_undated, as_of = EXCLUDED.as_of
    WHERE (f.unit_id, f.fiscal_year, f.progress, f.last_report_date, f.planned, f.schedule_status,
      f.reported_this_month, f.spent, f.spent_undated, f.as_of) IS DISTINCT FROM (EXCLUDED.unit_id,
      EXCLUDED.fiscal_year, EXCLUDED.progress, EXCLUDED.last_report_date, EXCLUDED.planned, EXCLUDED.schedule_status,
      EXCLUDED.reported_this_month, EXCLUDED.spent, EXCLUDED.spent_undated, EXCLUDED.as_of)`;
}
