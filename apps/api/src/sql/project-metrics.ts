import type { IsoDate } from "@cpm/schema/rules";
import { BE_OFFSET, BEHIND_TOLERANCE } from "@cpm/schema/rules";
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
 * scheduleStatus with projectDeadline, reportedThisMonth, budgetSpentAsOf);
 * apps/api/test/figures/kept-figures.test.ts checks that they agree (against test/figures/live-rules.ts). Yields: project_id, progress (null before the first report), last_report_date,
 * planned, schedule_status, reported_this_month, spent, spent_undated.
 */
export function projectMetricsCte(asOf: IsoDate, scope: MetricsScope = {}): Prisma.Sql {
  return projectMetricsOnDaysCte([asOf], scope);
}

/**
 * The same figures on several days at once (a row per project and day, with its `as_of`): what
 * freezing a fiscal year's month ends needs, in one pass over the plan steps.
 */
export function projectMetricsOnDaysCte(days: IsoDate[], scope: MetricsScope = {}): Prisma.Sql {
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
    SELECT p.id, p.budget_spent,
      COALESCE(p.planned_finish, make_date(p.fiscal_year - ${BE_OFFSET}, 9, 30)) AS deadline,
      EXISTS (SELECT 1 FROM project_spending s WHERE s.project_id = p.id) AS spending_dated
    FROM project p WHERE p.deleted_at IS NULL AND ${inScope}
  ),
  days AS (
    SELECT d::date AS as_of, date_trunc('month', d)::date AS month_start FROM unnest(${days}::date[]) AS d
  ),
  planned AS (
    SELECT s.project_id, d.as_of,
      ROUND(ROUND(SUM(s.weight * CASE
        WHEN s.planned_start IS NULL OR s.planned_end IS NULL THEN 0
        WHEN s.planned_end - s.planned_start <= 0 THEN CASE WHEN d.as_of >= s.planned_start THEN 1 ELSE 0 END
        ELSE LEAST(1, GREATEST(0, (d.as_of - s.planned_start)::numeric / (s.planned_end - s.planned_start)))
      END), 6), 2) AS planned,
      BOOL_OR(s.planned_end - s.planned_start > 0) AS has_schedule
    FROM plan_step s
    JOIN scoped sc ON sc.id = s.project_id
    CROSS JOIN days d
    GROUP BY s.project_id, d.as_of
  ),
  metrics AS (
    SELECT sc.id AS project_id,
      d.as_of,
      l.percent AS progress,
      l.report_date AS last_report_date,
      COALESCE(pl.planned, 0) AS planned,
      CASE
        WHEN COALESCE(l.percent, 0) >= 100 THEN 'done'
        WHEN d.as_of > sc.deadline THEN 'late'
        WHEN NOT COALESCE(pl.has_schedule, false) THEN 'no_schedule'
        WHEN COALESCE(l.percent, 0) = 0 AND COALESCE(pl.planned, 0) = 0 THEN 'not_started'
        WHEN COALESCE(pl.planned, 0) - COALESCE(l.percent, 0) > ${BEHIND_TOLERANCE} THEN 'behind'
        ELSE 'on_track'
      END AS schedule_status,
      COALESCE(l.percent, 0) >= 100 OR EXISTS (
        SELECT 1 FROM progress_report m
        WHERE m.project_id = sc.id AND m.deleted_at IS NULL
          AND m.report_date BETWEEN d.month_start AND d.as_of
      ) AS reported_this_month,
      CASE WHEN sc.spending_dated THEN sp.amount ELSE sc.budget_spent END AS spent,
      NOT sc.spending_dated AND sc.budget_spent IS NOT NULL AS spent_undated
    FROM scoped sc
    CROSS JOIN days d
    LEFT JOIN LATERAL (
      SELECT r.percent, r.report_date FROM progress_report r
      WHERE r.project_id = sc.id AND r.deleted_at IS NULL AND r.report_date <= d.as_of
      ORDER BY r.report_date DESC, r.id DESC
      LIMIT 1
    ) l ON TRUE
    LEFT JOIN LATERAL (
      SELECT s.amount FROM project_spending s
      WHERE sc.spending_dated AND s.project_id = sc.id AND s.spent_as_of <= d.as_of
      ORDER BY s.spent_as_of DESC
      LIMIT 1
    ) sp ON TRUE
    LEFT JOIN planned pl ON pl.project_id = sc.id AND pl.as_of = d.as_of
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
