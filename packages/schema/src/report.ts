import { z } from "zod";
import { baht, isoDate, optionalText, percent, quarter } from "./common";

/** ผลการดำเนินงาน: a dated, cumulative progress report with its narrative. */
export const reportInput = z
  .strictObject({
    reportDate: isoDate,
    percent,
    narrative: optionalText(20_000).default(""),
    problems: optionalText(5_000).default(""),
    obstacles: optionalText(5_000).default(""),
    /** งบฯ ที่ใช้ไป: the amount spent in all as of the report's date, kept in the spending history */
    budgetSpent: baht.optional(),
    /** Why, when the percent drops below the previous report's: kept in the history, not in the report. */
    reason: optionalText(2_000).optional(),
  })
  .meta({ id: "ReportInput" });

export const reportPatch = z
  .strictObject({
    reportDate: isoDate.optional(),
    percent: percent.optional(),
    narrative: optionalText(20_000).optional(),
    problems: optionalText(5_000).optional(),
    obstacles: optionalText(5_000).optional(),
    /**
     * งบฯ ที่ใช้ไป as of the report's date, corrected: an amount replaces the one that came with the
     * report, null takes it away; left out, it stays (and moves with the report's date).
     */
    budgetSpent: baht.nullable().optional(),
    /** Why the report is corrected: kept in the history, not in the report. */
    reason: optionalText(2_000).optional(),
  })
  .meta({ id: "ReportPatch" });

/** Why a report is withdrawn: kept in the history. The body may be left out. */
export const reportWithdrawal = z
  .strictObject({ reason: optionalText(2_000).default("") })
  .meta({ id: "ReportWithdrawal" });

export const progressReport = z
  .object({
    id: z.number().int(),
    reportDate: isoDate,
    percent: z.number(),
    narrative: z.string(),
    problems: z.string(),
    obstacles: z.string(),
    fiscalYear: z.number().int(),
    quarter,
    /** Set when this percent is lower than the previous report's: cumulative percents should not drop. */
    dropsFromPrevious: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "ProgressReport" });

export type ReportInput = z.output<typeof reportInput>;
export type ReportPatch = z.output<typeof reportPatch>;
export type ReportWithdrawal = z.output<typeof reportWithdrawal>;
export type ProgressReport = z.infer<typeof progressReport>;
