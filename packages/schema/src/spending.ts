import { z } from "zod";
import { baht, isoDate } from "./common";

/** งบฯ ที่ใช้ไป ณ วันที่: the amount a project had spent in all as of a date (not an increment). */
export const spendingInput = z
  .strictObject({
    spentAsOf: isoDate,
    amount: baht,
  })
  .meta({ id: "SpendingInput" });

export const spendingHistory = z
  .object({
    /** the latest dated amount, the project's budgetSpent */
    budgetSpent: z.number().nullable(),
    budgetSpentAsOf: isoDate.nullable(),
    /** newest first */
    items: z.array(z.object({ spentAsOf: isoDate, amount: z.number() })),
  })
  .meta({ id: "SpendingHistory" });

export type SpendingInput = z.output<typeof spendingInput>;
export type SpendingHistory = z.infer<typeof spendingHistory>;
