// The baseline's hand-written SQL: each statement builds the endpoint's whole JSON document in
// PostgreSQL (json_build_object / json_agg) and returns it as one text value, which the baseline
// server sends as it is. The rules are the ones of packages/schema/src/rules and
// src/sql/project-metrics.ts, written out again here so that the baseline does not depend on
// the code being measured.
import { BEHIND_TOLERANCE } from "@cpm/schema/rules";

/** `Date.toISOString()` of a timestamptz column. */
const isoTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoDate = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** ปีงบประมาณ (Buddhist era) and fiscal quarter of a date column. */
const fiscalYearOf = (column: string) =>
  `(EXTRACT(YEAR FROM ${column})::int + CASE WHEN EXTRACT(MONTH FROM ${column}) >= 10 THEN 1 ELSE 0 END + 543)`;
const fiscalQuarterOf = (column: string) => `(((EXTRACT(MONTH FROM ${column})::int + 2) % 12) / 3 + 1)`;

/** Share (0–1) of a step's planned span elapsed at `asOf` (rules/progress.ts elapsedShare). */
const elapsedShare = (s: string, asOf: string) => `CASE
    WHEN ${s}.planned_start IS NULL OR ${s}.planned_end IS NULL THEN 0
    WHEN ${s}.planned_end - ${s}.planned_start <= 0 THEN CASE WHEN ${asOf} >= ${s}.planned_start THEN 1 ELSE 0 END
    ELSE LEAST(1, GREATEST(0, (${asOf} - ${s}.planned_start)::numeric / (${s}.planned_end - ${s}.planned_start)))
  END`;

/** Planned completion (round2 of Σ weight × elapsed share) and whether any step has a span. */
const plannedColumns = (s: string, asOf: string) => `
    COALESCE(ROUND(ROUND(SUM(${s}.weight * ${elapsedShare(s, asOf)}), 6), 2), 0) AS planned,
    COALESCE(BOOL_OR(${s}.planned_end - ${s}.planned_start > 0), false) AS has_schedule`;

/** rules/schedule-status.ts projectDeadline: the planned finish, or the fiscal year's last day. */
const deadline = (p: string) => `COALESCE(${p}.planned_finish, make_date(${p}.fiscal_year - 543, 9, 30))`;

/** rules/schedule-status.ts: done › late › no_schedule › not_started › behind › on_track. */
const scheduleStatus = (percent: string, planned: string, hasSchedule: string, asOf: string, p: string) => `CASE
    WHEN COALESCE(${percent}, 0) >= 100 THEN 'done'
    WHEN ${asOf} > ${deadline(p)} THEN 'late'
    WHEN NOT ${hasSchedule} THEN 'no_schedule'
    WHEN COALESCE(${percent}, 0) = 0 AND ${planned} = 0 THEN 'not_started'
    WHEN ${planned} - COALESCE(${percent}, 0) > ${BEHIND_TOLERANCE} THEN 'behind'
    ELSE 'on_track'
  END`;

const unitSummary = (u: string, parent: string) =>
  `json_build_object('code', ${u}.code, 'name', ${u}.name, 'nameEn', ${u}.name_en, 'kind', ${u}.kind,
    'parentCode', ${parent}.code)`;

/** rules/monthly-report.ts: a report in the month up to the as-of day, or finished (no report owed). */
const reportedRule = (percent: string, reportInMonth: string) => `(COALESCE(${percent}, 0) >= 100 OR ${reportInMonth})`;

/** The fields a project summary and a project detail share (ProjectSummary). $2 is the as-of date. */
const summaryFields = (p: string, u: string, l: string, pl: string, reportInMonth: string) => `
    'code', ${p}.code,
    'name', ${p}.name,
    'unitCode', ${u}.code,
    'unitName', ${u}.name,
    'fiscalYear', ${p}.fiscal_year,
    'responsibleOfficer', ${p}.responsible_officer,
    'budgetAllocated', ${p}.budget_allocated,
    'budgetSpent', ${p}.budget_spent,
    'progress', ${l}.percent,
    'lastReportDate', ${isoDate(`${l}.report_date`)},
    'plannedProgress', ${pl}.planned,
    'scheduleStatus', ${scheduleStatus(`${l}.percent`, `${pl}.planned`, `${pl}.has_schedule`, "$2::date", p)},
    'reportedThisMonth', ${reportedRule(`${l}.percent`, reportInMonth)},
    'version', ${p}.version,
    'updatedAt', ${isoTime(`${p}.updated_at`)}`;

/**
 * GET /projects/:code as an anonymous reader sees it. $1 code, $2 as-of date, $3 first day of its month.
 */
export const DETAIL_SQL = `
WITH RECURSIVE
p AS (SELECT * FROM project WHERE code = $1 AND deleted_at IS NULL),
r AS (
  SELECT r.id, r.report_date, r.percent, r.narrative, r.problems, r.obstacles, r.created_at,
    COALESCE(r.percent < LAG(r.percent) OVER (ORDER BY r.report_date, r.id), false) AS drops
  FROM progress_report r JOIN p ON r.project_id = p.id
  WHERE r.deleted_at IS NULL
),
latest AS (SELECT percent, report_date FROM r WHERE report_date <= $2::date ORDER BY report_date DESC, id DESC LIMIT 1),
plan AS (
  SELECT ${plannedColumns("s", "$2::date")},
    COALESCE(ROUND(ROUND(SUM(s.weight * s.completion / 100), 6), 2), 0) AS step_completion,
    COALESCE(SUM(s.weight), 0) AS total_weight,
    COALESCE(json_agg(json_build_object(
      'id', s.id, 'order', s.step_order, 'name', s.name, 'weight', s.weight,
      'plannedStart', ${isoDate("s.planned_start")}, 'plannedEnd', ${isoDate("s.planned_end")},
      'actualStart', ${isoDate("s.actual_start")}, 'actualEnd', ${isoDate("s.actual_end")},
      'completion', s.completion) ORDER BY s.step_order), '[]'::json) AS steps
  FROM plan_step s JOIN p ON s.project_id = p.id
),
strat AS (
  SELECT n.code, n.name, n.level, n.parent_id, 0 AS depth FROM strategy_node n JOIN p ON n.id = p.strategy_node_id
  UNION ALL
  SELECT n.code, n.name, n.level, n.parent_id, st.depth + 1 FROM strategy_node n JOIN strat st ON n.id = st.parent_id
)
SELECT json_build_object(${summaryFields(
  "p",
  "u",
  "l",
  "plan",
  "EXISTS (SELECT 1 FROM r WHERE r.report_date BETWEEN $3::date AND $2::date)",
)},
    'unit', ${unitSummary("u", "up")},
    'responsibleUnit', CASE WHEN ru.id IS NULL THEN NULL ELSE ${unitSummary("ru", "rup")} END,
    'budgetUnit', CASE WHEN bu.id IS NULL THEN NULL ELSE ${unitSummary("bu", "bup")} END,
    -- the officer's phone is never sent to anonymous readers (the benchmark reads anonymously)
    'responsibleOfficerPhone', NULL,
    'rationale', p.rationale,
    'objectives', p.objectives,
    'targets', p.targets,
    'routineMission', p.strategy_node_id IS NULL,
    'strategy', (SELECT json_build_object('code', g.code, 'name', g.name,
        'path', (SELECT json_agg(json_build_object('code', a.code, 'name', a.name, 'level', a.level) ORDER BY a.depth DESC)
                 FROM strat a))
      FROM strat g WHERE g.depth = 0),
    'plannedStart', ${isoDate("p.planned_start")},
    'plannedFinish', ${isoDate("p.planned_finish")},
    'deadline', ${isoDate(deadline("p"))},
    'spending', COALESCE((SELECT json_agg(json_build_object('spentAsOf', ${isoDate("sp.spent_as_of")}, 'amount', sp.amount)
        ORDER BY sp.spent_as_of DESC) FROM project_spending sp WHERE sp.project_id = p.id), '[]'::json),
    'budgetSpentAsOf', (SELECT ${isoDate("MAX(sp.spent_as_of)")} FROM project_spending sp WHERE sp.project_id = p.id),
    'policies', COALESCE((SELECT json_agg(json_build_object('code', po.code, 'name', po.name) ORDER BY pp.policy_code)
      FROM project_policy pp JOIN policy po ON po.code = pp.policy_code WHERE pp.project_id = p.id), '[]'::json),
    'asOf', $2::text,
    'stepCompletion', plan.step_completion,
    'totalWeight', plan.total_weight,
    'steps', plan.steps,
    'reports', COALESCE((SELECT json_agg(json_build_object(
        'id', r.id, 'reportDate', ${isoDate("r.report_date")}, 'percent', r.percent,
        'narrative', r.narrative, 'problems', r.problems, 'obstacles', r.obstacles,
        'fiscalYear', ${fiscalYearOf("r.report_date")}, 'quarter', ${fiscalQuarterOf("r.report_date")},
        'dropsFromPrevious', r.drops, 'createdAt', ${isoTime("r.created_at")}) ORDER BY r.report_date DESC, r.id DESC)
      FROM r), '[]'::json),
    'evaluations', COALESCE((SELECT json_agg(json_build_object(
        'quarter', e.quarter, 'score', e.score, 'note', e.note, 'updatedAt', ${isoTime("e.updated_at")}) ORDER BY e.quarter)
      FROM quarter_evaluation e WHERE e.project_id = p.id), '[]'::json),
    'indicators', COALESCE((SELECT json_agg(json_build_object(
        'code', i.code, 'unitCode', iu.code, 'fiscalYear', i.fiscal_year, 'name', i.name,
        'measureUnit', i.measure_unit, 'target', i.target, 'achieved', i.achieved, 'type', i.type,
        'resultLevel', i.result_level, 'version', i.version,
        'measureType', i.measure_type, 'direction', i.direction, 'cumulative', i.cumulative, 'baseline', i.baseline,
        'quarterTargets', json_build_array(i.target_q1, i.target_q2, i.target_q3, i.target_q4),
        'onTrackMargin', i.on_track_margin, 'levelRubric', to_json(i.level_rubric), 'status', i.status,
        'achievement', i.achievement,
        'quarters', COALESCE((SELECT json_agg(json_build_object(
            'quarter', q.quarter, 'value', q.value, 'score21', q.score_2_1, 'score22', q.score_2_2) ORDER BY q.quarter)
          FROM indicator_quarter_result q WHERE q.indicator_id = i.id), '[]'::json)) ORDER BY i.id)
      FROM project_indicator pi JOIN indicator i ON i.id = pi.indicator_id JOIN org_unit iu ON iu.id = i.unit_id
      WHERE pi.project_id = p.id), '[]'::json),
    'createdAt', ${isoTime("p.created_at")}
  )::text AS body
FROM p
CROSS JOIN plan
LEFT JOIN latest l ON true
JOIN org_unit u ON u.id = p.unit_id
LEFT JOIN org_unit up ON up.id = u.parent_id
LEFT JOIN org_unit ru ON ru.id = p.responsible_unit_id
LEFT JOIN org_unit rup ON rup.id = ru.parent_id
LEFT JOIN org_unit bu ON bu.id = p.budget_unit_id
LEFT JOIN org_unit bup ON bup.id = bu.parent_id`;

export interface ListFilter {
  unit: boolean;
  q: boolean;
}

/**
 * GET /projects (sorted by code, the default): the page is taken unit by unit in code order (each
 * unit's projects by serial, through the (unit_id, serial) index), the figures are computed for the
 * page's projects only (LATERAL), and the matching projects are counted over the live rows.
 * $1 fiscal year, $2 as-of date, $3 first day of its month, $4 page size, $5 page,
 * then $6 the unit code (with its sub-units) and/or the next the LIKE pattern of the search text.
 */
export function listSql(filter: ListFilter): string {
  let next = 6;
  const unitParam = filter.unit ? `$${next++}` : "";
  const qParam = filter.q ? `$${next++}` : "";
  const conditions = ["p.fiscal_year = $1", "p.deleted_at IS NULL"];
  if (filter.q) conditions.push(`(p.name_search LIKE ${qParam} OR p.code LIKE ${qParam})`);
  const subtree = filter.unit
    ? `subtree AS (
  SELECT id FROM org_unit WHERE code = ${unitParam}
  UNION ALL
  SELECT u.id FROM org_unit u JOIN subtree s ON u.parent_id = s.id
),`
    : "";
  const units = filter.unit ? "org_unit u JOIN subtree st ON st.id = u.id" : "org_unit u";
  return `
WITH RECURSIVE ${subtree}
page AS (
  SELECT p.id, u.code AS unit_code, p.serial
  FROM ${units}
  CROSS JOIN LATERAL (
    SELECT p.id, p.serial FROM project p
    WHERE p.unit_id = u.id AND ${conditions.join(" AND ")}
    ORDER BY p.serial LIMIT $4::int * $5::int
  ) p
  ORDER BY u.code, p.serial
  LIMIT $4::int OFFSET ($5::int - 1) * $4::int
)
SELECT json_build_object(
  'items', COALESCE((
    SELECT json_agg(json_build_object(${summaryFields(
      "p",
      "u",
      "l",
      "pl",
      `EXISTS (SELECT 1 FROM progress_report m WHERE m.project_id = p.id AND m.deleted_at IS NULL
          AND m.report_date BETWEEN $3::date AND $2::date)`,
    )}) ORDER BY pg.unit_code, pg.serial)
    FROM page pg
    JOIN project p ON p.id = pg.id
    JOIN org_unit u ON u.id = p.unit_id
    LEFT JOIN LATERAL (
      SELECT r.percent, r.report_date FROM progress_report r
      WHERE r.project_id = p.id AND r.deleted_at IS NULL AND r.report_date <= $2::date
      ORDER BY r.report_date DESC, r.id DESC LIMIT 1
    ) l ON true
    CROSS JOIN LATERAL (SELECT ${plannedColumns("s", "$2::date")} FROM plan_step s WHERE s.project_id = p.id) pl
  ), '[]'::json),
  'total', (SELECT COUNT(*) FROM project p WHERE ${conditions.join(" AND ")}${
    filter.unit ? " AND p.unit_id = ANY (ARRAY(SELECT id FROM subtree))" : ""
  }),
  'page', $5::int,
  'pageSize', $4::int
)::text AS body`;
}

/** The figures of one dashboard group (DashboardFigures) from its `fig` and `kpi` rows (either may be missing). */
const figureFields = (f: string, k: string) => `
    'projects', COALESCE(${f}.projects, 0),
    'averageProgress', ${f}.average_progress,
    'byStatus', json_build_object('done', COALESCE(${f}.done, 0), 'no_schedule', COALESCE(${f}.no_schedule, 0),
      'not_started', COALESCE(${f}.not_started, 0), 'behind', COALESCE(${f}.behind, 0),
      'on_track', COALESCE(${f}.on_track, 0), 'late', COALESCE(${f}.late, 0)),
    'notReportedThisMonth', COALESCE(${f}.not_reported, 0),
    'progressDistribution', json_build_array(COALESCE(${f}.p25, 0), COALESCE(${f}.p50, 0), COALESCE(${f}.p75, 0),
      COALESCE(${f}.p100, 0), COALESCE(${f}.complete, 0)),
    'budgetAllocated', COALESCE(${f}.allocated, 0),
    'budgetSpent', COALESCE(${f}.spent, 0),
    'budgetSpentUndated', COALESCE(${f}.spent_undated, 0),
    'disbursementRate', CASE WHEN COALESCE(${f}.allocated, 0) > 0
      THEN ROUND(ROUND(COALESCE(${f}.spent, 0) / ${f}.allocated * 100, 6), 2) END,
    'indicators', COALESCE(${k}.indicators, 0),
    'indicatorsAchieved', COALESCE(${k}.achieved, 0),
    'indicatorStatus', json_build_object('achieved', COALESCE(${k}.status_achieved, 0),
      'on_track', COALESCE(${k}.status_on_track, 0), 'at_risk', COALESCE(${k}.status_at_risk, 0),
      'missed', COALESCE(${k}.status_missed, 0))`;

/**
 * GET /units/:code/dashboard and GET /dashboard for a whole fiscal year, aggregated over the live
 * data: every project of the unit's subtree in that year has its figures computed per request
 * (the rules of src/sql/project-metrics.ts, per project through the indexes), then they are summed
 * per child unit and in total.
 * $1 unit code (ignored for the city), $2 fiscal year, $3 as-of date, $4 first day of its month,
 * $5 period start, $6 period end.
 */
export function dashboardSql(scope: "unit" | "city"): string {
  const target =
    scope === "city"
      ? "SELECT id, code, name, kind, name_sort_key FROM org_unit WHERE parent_id IS NULL AND $1::text IS NOT NULL ORDER BY id LIMIT 1"
      : "SELECT id, code, name, kind, name_sort_key FROM org_unit WHERE code = $1";
  return `
WITH RECURSIVE
tu AS (${target}),
groups AS (
  SELECT c.id, c.id AS group_id FROM org_unit c JOIN tu ON c.parent_id = tu.id
  UNION ALL
  SELECT u.id, g.group_id FROM org_unit u JOIN groups g ON u.parent_id = g.id
),
grouped AS (SELECT id, id AS group_id FROM tu UNION ALL SELECT id, group_id FROM groups),
scoped AS MATERIALIZED (
  SELECT p.id, p.budget_allocated, p.budget_spent, p.fiscal_year, p.planned_finish, gr.group_id,
    EXISTS (SELECT 1 FROM project_spending s WHERE s.project_id = p.id) AS spending_dated
  FROM project p JOIN grouped gr ON gr.id = p.unit_id
  WHERE p.fiscal_year = $2 AND p.unit_id = ANY (ARRAY(SELECT id FROM grouped)) AND p.deleted_at IS NULL
),
metrics AS (
  SELECT sc.group_id, sc.budget_allocated, l.percent AS progress,
    ${scheduleStatus("l.percent", "pl.planned", "pl.has_schedule", "$3::date", "sc")} AS status,
    ${reportedRule("l.percent", "rp.project_id IS NOT NULL")} AS reported,
    CASE WHEN sc.spending_dated THEN sp.amount ELSE sc.budget_spent END AS spent,
    NOT sc.spending_dated AND sc.budget_spent IS NOT NULL AS spent_undated
  FROM scoped sc
  LEFT JOIN LATERAL (
    SELECT r.percent FROM progress_report r
    WHERE r.project_id = sc.id AND r.deleted_at IS NULL AND r.report_date <= $3::date
    ORDER BY r.report_date DESC, r.id DESC LIMIT 1
  ) l ON true
  CROSS JOIN LATERAL (SELECT ${plannedColumns("s", "$3::date")} FROM plan_step s WHERE s.project_id = sc.id) pl
  LEFT JOIN LATERAL (
    SELECT m.project_id FROM progress_report m
    WHERE m.project_id = sc.id AND m.deleted_at IS NULL AND m.report_date BETWEEN $4::date AND $3::date
    LIMIT 1
  ) rp ON true
  LEFT JOIN LATERAL (
    SELECT s.amount FROM project_spending s
    WHERE s.project_id = sc.id AND s.spent_as_of <= $3::date ORDER BY s.spent_as_of DESC LIMIT 1
  ) sp ON true
),
fig AS (
  SELECT group_id,
    COUNT(*) AS projects,
    ROUND(ROUND(AVG(COALESCE(progress, 0)), 6), 2) AS average_progress,
    COUNT(*) FILTER (WHERE status = 'done') AS done,
    COUNT(*) FILTER (WHERE status = 'no_schedule') AS no_schedule,
    COUNT(*) FILTER (WHERE status = 'not_started') AS not_started,
    COUNT(*) FILTER (WHERE status = 'behind') AS behind,
    COUNT(*) FILTER (WHERE status = 'on_track') AS on_track,
    COUNT(*) FILTER (WHERE status = 'late') AS late,
    COUNT(*) FILTER (WHERE NOT reported) AS not_reported,
    COUNT(*) FILTER (WHERE COALESCE(progress, 0) < 25) AS p25,
    COUNT(*) FILTER (WHERE progress >= 25 AND progress < 50) AS p50,
    COUNT(*) FILTER (WHERE progress >= 50 AND progress < 75) AS p75,
    COUNT(*) FILTER (WHERE progress >= 75 AND progress < 100) AS p100,
    COUNT(*) FILTER (WHERE progress >= 100) AS complete,
    SUM(budget_allocated) AS allocated,
    SUM(spent) AS spent,
    COUNT(*) FILTER (WHERE spent_undated) AS spent_undated
  FROM metrics
  GROUP BY ROLLUP (group_id)
),
kpi AS (
  SELECT gr.group_id, COUNT(*) AS indicators, COUNT(*) FILTER (WHERE i.achieved >= i.target) AS achieved,
    COUNT(*) FILTER (WHERE i.status = 'achieved') AS status_achieved,
    COUNT(*) FILTER (WHERE i.status = 'on_track') AS status_on_track,
    COUNT(*) FILTER (WHERE i.status = 'at_risk') AS status_at_risk,
    COUNT(*) FILTER (WHERE i.status = 'missed') AS status_missed
  FROM indicator i JOIN grouped gr ON gr.id = i.unit_id
  WHERE i.fiscal_year = $2
  GROUP BY ROLLUP (gr.group_id)
),
row_units AS (
  SELECT tu.id, tu.code, tu.name, tu.kind, tu.name_sort_key, 0 AS rank FROM tu
  WHERE EXISTS (SELECT 1 FROM fig WHERE fig.group_id = tu.id) OR EXISTS (SELECT 1 FROM kpi WHERE kpi.group_id = tu.id)
  UNION ALL
  SELECT c.id, c.code, c.name, c.kind, c.name_sort_key, 1 FROM org_unit c JOIN tu ON c.parent_id = tu.id
)
SELECT json_build_object(
  'fiscalYear', $2::int,
  'quarter', NULL,
  'asOf', $3::text,
  'periodStart', $5::text,
  'periodEnd', $6::text,
  'unit', json_build_object('code', tu.code, 'name', tu.name, 'kind', tu.kind),
  'totals', (SELECT json_build_object(${figureFields("f", "k")})
    FROM (SELECT 1) one LEFT JOIN fig f ON f.group_id IS NULL LEFT JOIN kpi k ON k.group_id IS NULL),
  'units', COALESCE((
    SELECT json_agg(json_build_object('unitCode', ru.code, 'unitName', ru.name, 'unitKind', ru.kind, ${figureFields("f", "k")})
      ORDER BY ru.name_sort_key COLLATE "C", ru.rank, ru.id)
    FROM row_units ru LEFT JOIN fig f ON f.group_id = ru.id LEFT JOIN kpi k ON k.group_id = ru.id
  ), '[]'::json)
)::text AS body
FROM tu`;
}

/**
 * POST /projects/:code/reports: one statement, hence one transaction, that inserts the report
 * and its audit_event row and returns the report as the API shows it (ProgressReport).
 * $1 project code, $2 report date, $3 percent, $4 narrative, $5 problems, $6 obstacles,
 * $7 actor label, $8 request id.
 */
export const CREATE_REPORT_SQL = `
WITH p AS (SELECT id FROM project WHERE code = $1 AND deleted_at IS NULL),
ins AS (
  INSERT INTO progress_report (project_id, report_date, percent, narrative, problems, obstacles)
  SELECT p.id, $2::date, $3::numeric, $4, $5, $6 FROM p
  RETURNING *
),
audit AS (
  INSERT INTO audit_event (actor_label, action, entity_type, entity_key, project_id, after, request_id)
  SELECT $7, 'report.create', 'report', ins.id::text, ins.project_id,
    jsonb_build_object('reportDate', ${isoDate("ins.report_date")}, 'percent', ins.percent,
      'narrative', ins.narrative, 'problems', ins.problems, 'obstacles', ins.obstacles),
    $8
  FROM ins
)
SELECT json_build_object(
  'id', ins.id,
  'reportDate', ${isoDate("ins.report_date")},
  'percent', ins.percent,
  'narrative', ins.narrative,
  'problems', ins.problems,
  'obstacles', ins.obstacles,
  'fiscalYear', ${fiscalYearOf("ins.report_date")},
  'quarter', ${fiscalQuarterOf("ins.report_date")},
  'dropsFromPrevious', COALESCE(ins.percent < (
    SELECT r.percent FROM progress_report r
    WHERE r.project_id = ins.project_id AND r.deleted_at IS NULL
      AND (r.report_date, r.id) < (ins.report_date, ins.id)
    ORDER BY r.report_date DESC, r.id DESC LIMIT 1), false),
  'createdAt', ${isoTime("ins.created_at")}
)::text AS body
FROM ins`;
