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
};

export const indicatorInput = z
  .strictObject({
    code: indicatorCode,
    unitCode,
    fiscalYear,
    ...indicatorFields,
    achieved: indicatorFields.achieved.default(null),
    projectCodes: indicatorFields.projectCodes.default([]),
  })
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
