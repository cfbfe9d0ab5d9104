import { z } from "zod";
import {
  fiscalYear,
  fiscalYearParam,
  measure,
  pageQuery,
  projectCode,
  quarter,
  requiredText,
  score,
  unitCode,
} from "./common";
import {
  DEFAULT_ON_TRACK_MARGIN,
  KPI_DIRECTIONS,
  KPI_MEASURE_TYPES,
  KPI_STATUSES,
  kpiDefinitionProblems,
} from "./rules/kpi-status";

/** ตัวชี้วัดเชิงยุทธศาสตร์ / งานประจำ */
export const INDICATOR_TYPES = ["strategic", "routine"] as const;
/** ผลผลิต (output) / ผลลัพธ์ (outcome) */
export const RESULT_LEVELS = ["output", "outcome"] as const;

export const indicatorCode = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,29}$/, { error: "indicatorCode" });

const indicatorFields = {
  name: requiredText(1_000),
  /** หน่วยนับ, e.g. ระดับ (level 1–5) or ร้อยละ (percent). */
  measureUnit: requiredText(50),
  target: measure,
  achieved: measure.nullable(),
  type: z.enum(INDICATOR_TYPES),
  resultLevel: z.enum(RESULT_LEVELS),
  projectCodes: z.array(projectCode).max(100),
  /** How it is judged (rules/kpi-status.ts): number, percent, or level 1–5 (ระดับ). */
  measureType: z.enum(KPI_MEASURE_TYPES),
  direction: z.enum(KPI_DIRECTIONS),
  /** Each quarter's value is the figure to date (the year's is the last); otherwise their sum, or mean for a percent. */
  cumulative: z.boolean(),
  baseline: measure.nullable(),
  /** What the year's figure should be by the end of quarters 1–4 (null: on the line from the baseline). */
  quarterTargets: z.array(measure.nullable()).length(4),
  /** Percent of the period's expectation a figure may fall short by and still be on track. */
  onTrackMargin: score,
  /** เกณฑ์ระดับ: the text of levels 1–5, for a level KPI. */
  levelRubric: z.array(requiredText(1_000)).max(5),
};

type DefinitionFields = Parameters<typeof kpiDefinitionProblems>[0];

/** Issues for what the shared rule refuses in a KPI's definition (levels outside 1–5, a rubric not of five). */
export function addKpiDefinitionIssues(value: DefinitionFields, ctx: z.RefinementCtx): void {
  for (const problem of kpiDefinitionProblems(value)) {
    ctx.addIssue({
      code: "custom",
      path: problem.path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      params: { reason: problem.reason },
    });
  }
}

export const indicatorInput = z
  .strictObject({
    code: indicatorCode,
    unitCode,
    fiscalYear,
    ...indicatorFields,
    achieved: indicatorFields.achieved.default(null),
    projectCodes: indicatorFields.projectCodes.default([]),
    measureType: indicatorFields.measureType.default("number"),
    direction: indicatorFields.direction.default("higher"),
    cumulative: indicatorFields.cumulative.default(true),
    baseline: indicatorFields.baseline.default(null),
    quarterTargets: indicatorFields.quarterTargets.default([null, null, null, null]),
    onTrackMargin: indicatorFields.onTrackMargin.default(DEFAULT_ON_TRACK_MARGIN),
    levelRubric: indicatorFields.levelRubric.default([]),
  })
  .superRefine(addKpiDefinitionIssues)
  .meta({ id: "IndicatorInput" });

/** Only the fields sent change (no defaults here: a missing field is left as it is). */
export const indicatorPatch = z.strictObject(indicatorFields).partial().meta({ id: "IndicatorPatch" });

/** ผลงาน and ผลประเมินตัวชี้วัด 2.1 / 2.2 for one quarter. */
export const indicatorQuarterInput = z
  .strictObject({ value: measure, score21: score.nullable().default(null), score22: score.nullable().default(null) })
  .meta({ id: "IndicatorQuarterInput" });

export const indicatorQuarterResult = z
  .object({ quarter, value: z.number(), score21: z.number().nullable(), score22: z.number().nullable() })
  .meta({ id: "IndicatorQuarterResult" });

export const indicatorSummary = z
  .object({
    code: z.string(),
    unitCode,
    fiscalYear: z.number().int(),
    name: z.string(),
    measureUnit: z.string(),
    target: z.number(),
    achieved: z.number().nullable(),
    type: z.enum(INDICATOR_TYPES),
    resultLevel: z.enum(RESULT_LEVELS),
    measureType: z.enum(KPI_MEASURE_TYPES),
    direction: z.enum(KPI_DIRECTIONS),
    cumulative: z.boolean(),
    baseline: z.number().nullable(),
    quarterTargets: z.array(z.number().nullable()),
    onTrackMargin: z.number(),
    levelRubric: z.array(z.string()),
    /** By the shared rule (rules/kpi-status.ts), as kept: null until something is reported. */
    status: z.enum(KPI_STATUSES).nullable(),
    /** Progress from the baseline to the year's target, percent. */
    achievement: z.number().nullable(),
    quarters: z.array(indicatorQuarterResult),
    /** Send it back as If-Match on a write; the response's ETag carries it too. */
    version: z.number().int(),
  })
  .meta({ id: "IndicatorSummary" });

export const indicatorDetail = indicatorSummary
  .extend({
    unitName: z.string(),
    projects: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .meta({ id: "IndicatorDetail" });

export const indicatorListQuery = z.strictObject({
  fiscalYear: fiscalYearParam.optional(),
  unit: unitCode.optional(),
  ...pageQuery,
});

export type IndicatorInput = z.output<typeof indicatorInput>;
export type IndicatorPatch = z.output<typeof indicatorPatch>;
export type IndicatorQuarterInput = z.output<typeof indicatorQuarterInput>;
export type IndicatorSummary = z.infer<typeof indicatorSummary>;
export type IndicatorDetail = z.infer<typeof indicatorDetail>;
