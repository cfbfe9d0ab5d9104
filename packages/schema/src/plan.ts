import { z } from "zod";
import { isoDate, optionalText, percent, requiredText, weight } from "./common";
import { daysBetween } from "./rules/dates";
import { totalWeight, weightsAreComplete } from "./rules/plan-weights";

/** ขั้นตอน: one weighted step of a project's plan (แผนการดำเนินงาน). */
export const planStepInput = z
  .strictObject({
    name: requiredText(500),
    weight,
    plannedStart: isoDate.nullable().default(null),
    plannedEnd: isoDate.nullable().default(null),
    actualStart: isoDate.nullable().default(null),
    actualEnd: isoDate.nullable().default(null),
    completion: percent.default(0),
  })
  .superRefine((step, ctx) => {
    if (step.plannedStart && step.plannedEnd && daysBetween(step.plannedStart, step.plannedEnd) < 0) {
      ctx.addIssue({ code: "custom", path: ["plannedEnd"], params: { reason: "endBeforeStart" } });
    }
    if (step.actualStart && step.actualEnd && daysBetween(step.actualStart, step.actualEnd) < 0) {
      ctx.addIssue({ code: "custom", path: ["actualEnd"], params: { reason: "endBeforeStart" } });
    }
  });

/** PUT …/plan replaces every step at once; the weights must sum to 100. */
export const planInput = z
  .strictObject({
    steps: z.array(planStepInput).max(100),
    /** Why the plan changes (after it was approved): kept with the new plan version in the history. */
    reason: optionalText(2_000).optional(),
  })
  .superRefine((plan, ctx) => {
    if (!weightsAreComplete(plan.steps)) {
      ctx.addIssue({
        code: "custom",
        path: ["steps"],
        params: { reason: "weightsSum", total: totalWeight(plan.steps) },
      });
    }
  })
  .meta({ id: "PlanInput" });

export const planStep = z
  .object({
    id: z.number().int(),
    order: z.number().int(),
    name: z.string(),
    weight: z.number(),
    plannedStart: isoDate.nullable(),
    plannedEnd: isoDate.nullable(),
    actualStart: isoDate.nullable(),
    actualEnd: isoDate.nullable(),
    completion: z.number(),
  })
  .meta({ id: "PlanStep" });

export type PlanStepInput = z.input<typeof planStepInput>;
export type PlanInput = z.output<typeof planInput>;
export type PlanStep = z.infer<typeof planStep>;
