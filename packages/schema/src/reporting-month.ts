import { z } from "zod";
import { requiredText, unitCode } from "./common";

/** เปิด · ส่งแล้ว · อนุมัติแล้ว · ส่งกลับแก้ไข */
export const MONTH_STATES = ["open", "submitted", "approved", "returned"] as const;
export type MonthState = (typeof MONTH_STATES)[number];

/** Submitted and approved months lock their unit's reports of that month. */
export const LOCKED_MONTH_STATES: readonly MonthState[] = ["submitted", "approved"];

export const MONTH_TRANSITIONS = ["submit", "approve", "return", "reopen"] as const;
export type MonthTransition = (typeof MONTH_TRANSITIONS)[number];

/** Which state each transition starts from, and which it leads to. */
export const MONTH_TRANSITION_RULES: Record<MonthTransition, { from: readonly MonthState[]; to: MonthState }> = {
  submit: { from: ["open", "returned"], to: "submitted" },
  approve: { from: ["submitted"], to: "approved" },
  return: { from: ["submitted"], to: "returned" },
  reopen: { from: ["approved"], to: "open" },
};

/** A calendar month, common era: 2026-11. */
export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "month" });

/** What the current user may do with this month, as the API decides it: the web app shows exactly these. */
export const monthActions = z
  .object({
    /** write the unit's reports of the month */
    mayEdit: z.boolean(),
    maySubmit: z.boolean(),
    mayApprove: z.boolean(),
    mayReturn: z.boolean(),
    mayReopen: z.boolean(),
  })
  .meta({ id: "MonthActions" });

export const reportingMonth = z
  .object({
    unitCode,
    unitName: z.string(),
    month: z.string(),
    state: z.enum(MONTH_STATES),
    locked: z.boolean(),
    /** the head's comment on a return, or the reason of a reopening */
    comment: z.string(),
    submittedBy: z.string().nullable(),
    submittedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    /** Send it back as If-Match on a transition (optional: a transition checks the state it starts from). */
    version: z.number().int(),
    actions: monthActions,
  })
  .meta({ id: "ReportingMonth" });

/** Return (with a comment for the officers) or reopen (with the reason, kept in the history). */
export const monthTransitionInput = z
  .strictObject({ comment: requiredText(2_000).optional() })
  .meta({ id: "MonthTransitionInput" });

/** What the current user may do with a project now: the web app shows exactly these. */
export const projectActions = z
  .object({
    mayEdit: z.boolean(),
    mayReport: z.boolean(),
    maySubmit: z.boolean(),
    mayApprove: z.boolean(),
    mayEvaluate: z.boolean(),
    /** the project's unit's month these answer for */
    month: z.string(),
    monthState: z.enum(MONTH_STATES),
  })
  .meta({ id: "ProjectActions" });

export type ReportingMonth = z.infer<typeof reportingMonth>;
export type MonthActions = z.infer<typeof monthActions>;
export type ProjectActions = z.infer<typeof projectActions>;

const rates = {
  /** active projects of the month: a report is expected of each */
  expected: z.number().int(),
  /** with a report dated in the month */
  reported: z.number().int(),
  /** whose report was written by the deadline (in the city's time zone) */
  onTime: z.number().int(),
  /** reported ÷ expected, percent (null: none expected) */
  completeness: z.number().nullable(),
  /** on time ÷ expected, percent (null: none expected) */
  timeliness: z.number().nullable(),
};

export const reportingRatesQuery = z.strictObject({
  /** the month (YYYY-MM, common era); default this month */
  month: monthParam.optional(),
  unit: unitCode.optional(),
});

/** DHIS2-style reporting rates: per child unit and in total for a month, and the fiscal year's trend. */
export const reportingRatesAnswer = z
  .object({
    fiscalYear: z.number().int(),
    month: z.string(),
    deadline: z.string(),
    unit: z.object({ code: unitCode, name: z.string() }),
    totals: z.object(rates),
    units: z.array(z.object({ unitCode, unitName: z.string(), ...rates })),
    trend: z.array(z.object({ month: z.string(), deadline: z.string(), ...rates })),
  })
  .meta({ id: "ReportingRates" });

export type ReportingRatesAnswer = z.infer<typeof reportingRatesAnswer>;
