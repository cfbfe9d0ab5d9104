/** The tables the generator fills in bulk, with the columns it writes, in load order (parents first). */
export const BULK_TABLES = {
  org_unit: ["id", "code", "name", "name_search", "name_sort_key", "kind", "parent_id"],
  project: [
    "id",
    "code",
    "serial",
    "unit_id",
    "fiscal_year",
    "name",
    "name_search",
    "name_sort_key",
    "responsible_officer",
    "responsible_officer_phone",
    "responsible_unit_id",
    "budget_unit_id",
    "rationale",
    "objectives",
    "targets",
    "strategy_node_id",
    "budget_allocated",
    "budget_spent",
    "planned_start",
    "planned_finish",
    "created_at",
    "updated_at",
  ],
  project_policy: ["project_id", "policy_code"],
  plan_step: [
    "id",
    "project_id",
    "step_order",
    "name",
    "weight",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "completion",
  ],
  progress_report: [
    "id",
    "project_id",
    "report_date",
    "percent",
    "narrative",
    "problems",
    "obstacles",
    "created_at",
    "updated_at",
  ],
  /** งบฯ ที่ใช้ไป ณ วันที่: the amount spent in all as of each report's date */
  project_spending: ["project_id", "spent_as_of", "amount"],
  quarter_evaluation: ["project_id", "quarter", "score", "note", "updated_at"],
  indicator: [
    "id",
    "code",
    "unit_id",
    "fiscal_year",
    "name",
    "measure_unit",
    "target",
    "achieved",
    "type",
    "result_level",
    "created_at",
    "updated_at",
    "measure_type",
  ],
  project_indicator: ["project_id", "indicator_id"],
  indicator_quarter_result: ["indicator_id", "quarter", "value", "score_2_1", "score_2_2"],
} as const;

export type BulkTable = keyof typeof BULK_TABLES;
export const BULK_TABLE_NAMES = Object.keys(BULK_TABLES) as BulkTable[];

/** A column value as the writers encode it: dates and numerics already formatted as text. */
export type Cell = string | number | null;
export type Row = Cell[];

/** Rows of several tables, written together (one COPY or a few INSERTs per table). */
export type RowBatch = Record<BulkTable, Row[]>;

export const emptyBatch = (): RowBatch =>
  Object.fromEntries(BULK_TABLE_NAMES.map((table) => [table, [] as Row[]])) as unknown as RowBatch;

export const batchSize = (batch: RowBatch): number =>
  BULK_TABLE_NAMES.reduce((sum, table) => sum + batch[table].length, 0);

/** Tables whose ids the generator assigns, so their sequences must be moved past them afterwards. */
export const SEQUENCED_TABLES = ["org_unit", "project", "plan_step", "progress_report", "indicator"] as const;
export type SequencedTable = (typeof SEQUENCED_TABLES)[number];
