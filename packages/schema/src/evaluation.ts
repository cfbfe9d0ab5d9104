import { z } from "zod";
import { optionalText, quarter, score } from "./common";

/** สยป. ประเมินโครงการ: the evaluation office's score of a project for one quarter. */
export const evaluationInput = z
  .strictObject({ score, note: optionalText(5_000).default("") })
  .meta({ id: "EvaluationInput" });

export const quarterEvaluation = z
  .object({ quarter, score: z.number(), note: z.string(), updatedAt: z.string() })
  .meta({ id: "QuarterEvaluation" });

export type EvaluationInput = z.output<typeof evaluationInput>;
export type QuarterEvaluation = z.infer<typeof quarterEvaluation>;
