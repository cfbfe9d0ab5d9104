import { z } from "zod";
import { isoDate } from "./common";

const versionStep = z.object({
  name: z.string(),
  weight: z.number(),
  plannedStart: isoDate.nullable(),
  plannedEnd: isoDate.nullable(),
});

export const planVersion = z
  .object({
    /** 1 for the first plan, then one more for each change */
    number: z.number().int(),
    /** when it was saved, and the day that is in the city's time zone */
    at: z.string(),
    day: isoDate,
    by: z.string(),
    /** why the plan was changed, as its author said */
    reason: z.string().nullable(),
    steps: z.array(versionStep),
  })
  .meta({ id: "PlanVersion" });

const stepChange = z.object({
  kind: z.enum(["added", "removed", "changed"]),
  name: z.string(),
  weight: z.number().optional(),
  fields: z
    .array(
      z.object({
        field: z.enum(["weight", "plannedStart", "plannedEnd"]),
        from: z.union([z.number(), z.string()]).nullable(),
        to: z.union([z.number(), z.string()]).nullable(),
      }),
    )
    .optional(),
});

/** A project's plan versions, its baseline (in force on the fiscal year's first day) against the current one. */
export const planVersions = z
  .object({
    fiscalYear: z.number().int(),
    versions: z.array(planVersion),
    baselineNumber: z.number().int().nullable(),
    currentNumber: z.number().int().nullable(),
    /** from the baseline to the current plan */
    difference: z.array(stepChange),
    /** planned completion at each month end of the fiscal year, by the baseline and by the current plan, and the reported progress */
    curves: z.array(
      z.object({
        monthEnd: isoDate,
        baseline: z.number().nullable(),
        current: z.number().nullable(),
        actual: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: "PlanVersions" });

export type PlanVersions = z.infer<typeof planVersions>;
