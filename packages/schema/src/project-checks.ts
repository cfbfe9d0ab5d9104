import { z } from "zod";
import { fiscalYearParam, requiredText, unitCode } from "./common";
import { CHECK_CODES } from "./rules/project-checks";

export const checkWarning = z
  .object({
    code: z.enum(CHECK_CODES),
    /** what an explanation answers: the code, and the report date or month it is about */
    key: z.string(),
    message: z.object({ th: z.string(), en: z.string() }),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
    /** the officers' answer (คำชี้แจง), which evaluators see */
    explanation: z.object({ text: z.string(), by: z.string(), at: z.string() }).nullable(),
  })
  .meta({ id: "CheckWarning" });

export const projectCheckList = z
  .object({ asOf: z.string(), warnings: z.array(checkWarning) })
  .meta({ id: "ProjectChecks" });

export const checkExplanationInput = z
  .strictObject({ text: requiredText(2_000) })
  .meta({ id: "CheckExplanationInput" });

export const checkKeyParam = z
  .string()
  .regex(/^(percentDropped|doneWithOpenSteps|missingMonthlyReport|overspent)(:[0-9-]{7,10})?$/, {
    error: "checkKey",
  });

export const checkCountsQuery = z.strictObject({ fiscalYear: fiscalYearParam, unit: unitCode.optional() });

const counts = Object.fromEntries(CHECK_CODES.map((code) => [code, z.number().int()])) as Record<
  (typeof CHECK_CODES)[number],
  z.ZodNumber
>;

/** Projects with each kind of warning, per child unit (with its subtree) and in total. */
export const checkCounts = z
  .object({
    fiscalYear: z.number().int(),
    asOf: z.string(),
    totals: z.object({ projects: z.number().int(), withWarnings: z.number().int(), ...counts }),
    units: z.array(
      z.object({
        unitCode,
        unitName: z.string(),
        projects: z.number().int(),
        withWarnings: z.number().int(),
        ...counts,
      }),
    ),
  })
  .meta({ id: "CheckCounts" });

export type ProjectCheckList = z.infer<typeof projectCheckList>;
export type CheckCounts = z.infer<typeof checkCounts>;
