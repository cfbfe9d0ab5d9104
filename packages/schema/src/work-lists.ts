import { z } from "zod";
import { fiscalYearParam, isoDate, pageQuery, quarter, quarterParam, unitCode } from "./common";
import { policyCode } from "./project";

/** What awaits the evaluation office (สยป.): live projects of a fiscal year not yet scored for a quarter. */
export const pendingEvaluationsQuery = z.strictObject({
  fiscalYear: fiscalYearParam.optional(),
  quarter: quarterParam.optional(),
  unit: unitCode.optional(),
  ...pageQuery,
});

export const pendingEvaluation = z
  .object({
    code: z.string(),
    name: z.string(),
    unitCode,
    unitName: z.string(),
    progress: z.number().nullable(),
    lastReportDate: isoDate.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "PendingEvaluation" });

export const pendingEvaluationPage = z
  .object({
    fiscalYear: z.number().int(),
    quarter,
    items: z.array(pendingEvaluation),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "PendingEvaluationPage" });

/** What a project can be linked to when it is created or edited: the governor's policies and the strategy's goals. */
export const projectChoices = z
  .object({
    policies: z.array(z.object({ code: policyCode, name: z.string() })),
    strategyGoals: z.array(
      z.object({ code: z.string(), name: z.string(), /** pillar › dimension › goal */ path: z.string() }),
    ),
  })
  .meta({ id: "ProjectChoices" });

export type PendingEvaluationsQuery = z.input<typeof pendingEvaluationsQuery>;
export type PendingEvaluation = z.infer<typeof pendingEvaluation>;
export type PendingEvaluationPage = z.infer<typeof pendingEvaluationPage>;
export type ProjectChoices = z.infer<typeof projectChoices>;
