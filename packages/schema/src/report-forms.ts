import { z } from "zod";
import { requiredText } from "./common";
import { reportInput, reportPatch } from "./report";
import { percentDrops } from "./rules/report-drop";

/**
 * A new report as an officer's form checks it: a percent lower than the previous report's (the
 * latest on or before its date) needs a reason, which the history keeps.
 */
export const reportInputAfter = (previousPercent: number | null) =>
  reportInput.superRefine((value, ctx) => {
    if (percentDrops(previousPercent, value.percent) && !value.reason?.trim()) {
      ctx.addIssue({ code: "custom", path: ["reason"], params: { reason: "blank" } });
    }
  });

/** A correction always says why. */
export const reportCorrection = reportPatch.extend({ reason: requiredText(2_000) });

/** A withdrawal always says why. */
export const reportWithdrawalWithReason = z.strictObject({ reason: requiredText(2_000) });
