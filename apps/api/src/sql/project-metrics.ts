import type { IsoDate } from "@cpm/schema/rules";
import { BEHIND_TOLERANCE, monthSpan } from "@cpm/schema/rules";
import { Prisma } from "../generated/prisma/client";

/** A unit's own projects of one fiscal year. */
export interface UnitYear {
  unitId: number;
  fiscalYear: number;
}

/** Which live projects to compute: all, or those of a fiscal year, of some ids, or of some units' years. */
export interface MetricsScope {
  fiscalYear?: number;
  projectIds?: number[];
  unitYears?: UnitYear[];
}

/**
 * Per-project figures as of a date, in SQL, for lists and dashboards over thousands of projects.
 * It computes the same rules as packages/schema/src/rules (latestProgress, plannedCompletion,
 * scheduleStatus); test/sql-agrees-with-rules.test.ts checks that they agree on the demo data.
 * Yields: project_id, progress (null before the first report), last_report_date, planned,
 * schedule_status, reported_this_month.
 */
export function projectMetricsCte(asOf: IsoDate, scope: MetricsScope = {}): Prisma.Sql {
  const month = monthSpan(asOf);
  const conditions: Prisma.Sql[] = [];
  if (scope.fiscalYear !== undefined) conditions.push(Prisma.sql`p.fiscal_year = ${scope.fiscalYear}`);
  if (scope.projectIds) conditions.push(Prisma.sql`p.id = ANY(${scope.projectIds}::int[])`);
  if (scope.unitYears) {
    conditions.push(Prisma.sql`(p.unit_id, p.fiscal_year) IN (
      SELECT * FROM unnest(${scope.unitYears.map((u) => u.unitId)}::int[], ${scope.unitYears.map((u) => u.fiscalYear)}::int[]))`);
  }
  const inScope = conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  return Prisma.sql`
  scoped AS (
    SELECT p.id FROM project p WHERE p.deleted_at IS NULL AND ${inScope}
  ),
  latest AS (
    SELECT DISTINCT ON (r.project_id) r.project_id, r.percent, r.report_date
    FROM progress_report r
    JOIN scoped sc ON sc.id = r.project_id
    WHERE r.deleted_at IS NULL AND r.report_date <= ${asOf}::date
    ORDER BY r.project_id, r.report_date DESC, r.id DESC
  ),
  planned AS (
    SELECT s.project_id,
      ROUND(ROUND(SUM(s.weight * CASE
        WHEN s.planned_start IS NULL OR s.planned_end IS NULL THEN 0
        WHEN s.planned_end - s.planned_start <= 0 THEN CASE WHEN ${asOf}::date >= s.planned_start THEN 1 ELSE 0 END
        ELSE LEAST(1, GREATEST(0, (${asOf}::date - s.planned_start)::numeric / (s.planned_end - s.planned_start)))
      END), 6), 2) AS planned,
      BOOL_OR(s.planned_end - s.planned_start > 0) AS has_schedule
    FROM plan_step s
    JOIN scoped sc ON sc.id = s.project_id
    GROUP BY s.project_id
  ),
  metrics AS (
    SELECT p.id AS project_id,
      l.percent AS progress,
      l.report_date AS last_report_date,
      COALESCE(pl.planned, 0) AS planned,
      CASE
        WHEN COALESCE(l.percent, 0) >= 100 THEN 'done'
        WHEN NOT COALESCE(pl.has_schedule, false) THEN 'no_schedule'
        WHEN COALESCE(l.percent, 0) = 0 AND COALESCE(pl.planned, 0) = 0 THEN 'not_started'
        WHEN COALESCE(pl.planned, 0) - COALESCE(l.percent, 0) > ${BEHIND_TOLERANCE} THEN 'behind'
        ELSE 'on_track'
      END AS schedule_status,
      EXISTS (
        SELECT 1 FROM progress_report m
        WHERE m.project_id = p.id AND m.deleted_at IS NULL
          AND m.report_date BETWEEN ${month.start}::date AND ${asOf}::date
      ) AS reported_this_month
    FROM project p
    JOIN scoped sc ON sc.id = p.id
    LEFT JOIN latest l ON l.project_id = p.id
    LEFT JOIN planned pl ON pl.project_id = p.id
  )`;
}

/** The ids of a unit and every unit beneath it. */
export function unitSubtreeCte(unitCode: string): Prisma.Sql {
  return Prisma.sql`
  subtree AS (
    SELECT id FROM org_unit WHERE code = ${unitCode}
    UNION ALL
    SELECT u.id FROM org_unit u JOIN subtree s ON u.parent_id = s.id
  )`;
}
