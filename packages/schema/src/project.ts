import { z } from "zod";
import {
  baht,
  booleanParam,
  fiscalYear,
  fiscalYearParam,
  isoDate,
  optionalText,
  pageQuery,
  projectCode,
  requiredText,
  unitCode,
} from "./common";
import { quarterEvaluation } from "./evaluation";
import { indicatorSummary } from "./indicator";
import { planStep } from "./plan";
import { progressReport } from "./report";
import { daysBetween } from "./rules/dates";
import { containsPhoneNumber } from "./rules/personal-details";
import { SCHEDULE_STATUSES } from "./rules/schedule-status";
import { unitSummary } from "./unit";

export const scheduleStatus = z.enum(SCHEDULE_STATUSES);
export const policyCode = z.string().regex(/^P\d{1,4}$/, { error: "policyCode" });

const projectFields = {
  name: requiredText(1_000),
  /** ผู้รับผิดชอบ: the officer's name only (the legacy site typed phones beside it; they go in their own field). */
  responsibleOfficer: optionalText(500).refine((text) => !containsPhoneNumber(text), {
    params: { reason: "phoneInText" },
  }),
  /** The officer's phone (never sent to anonymous readers). */
  responsibleOfficerPhone: optionalText(100),
  /** The responsible division and the budget division (50451000/50451000 on the legacy page). */
  responsibleUnitCode: unitCode.nullable(),
  budgetUnitCode: unitCode.nullable(),
  rationale: optionalText(50_000),
  objectives: optionalText(20_000),
  targets: optionalText(20_000),
  /** A goal of the city's strategic plan, or null when the project is the unit's routine mission. */
  strategyCode: optionalText(30).nullable(),
  budgetAllocated: baht.nullable(),
  budgetSpent: baht.nullable(),
  plannedStart: isoDate.nullable(),
  plannedFinish: isoDate.nullable(),
  policyCodes: z.array(policyCode).max(50),
};

const checkSpan = (value: { plannedStart?: string | null; plannedFinish?: string | null }, ctx: z.RefinementCtx) => {
  if (value.plannedStart && value.plannedFinish && daysBetween(value.plannedStart, value.plannedFinish) < 0) {
    ctx.addIssue({ code: "custom", path: ["plannedFinish"], params: { reason: "endBeforeStart" } });
  }
};

export const projectCreate = z
  .strictObject({
    code: projectCode.optional(),
    unitCode,
    fiscalYear,
    name: projectFields.name,
    responsibleOfficer: projectFields.responsibleOfficer.default(""),
    responsibleOfficerPhone: projectFields.responsibleOfficerPhone.default(""),
    responsibleUnitCode: projectFields.responsibleUnitCode.default(null),
    budgetUnitCode: projectFields.budgetUnitCode.default(null),
    rationale: projectFields.rationale.default(""),
    objectives: projectFields.objectives.default(""),
    targets: projectFields.targets.default(""),
    strategyCode: projectFields.strategyCode.default(null),
    budgetAllocated: projectFields.budgetAllocated.default(null),
    budgetSpent: projectFields.budgetSpent.default(null),
    plannedStart: projectFields.plannedStart.default(null),
    plannedFinish: projectFields.plannedFinish.default(null),
    policyCodes: projectFields.policyCodes.default([]),
  })
  .superRefine(checkSpan)
  .meta({ id: "ProjectCreate" });

/** Hand a project to another unit. */
export const projectMove = z.strictObject({ unitCode }).meta({ id: "ProjectMove" });

export const projectPatch = z.strictObject(projectFields).partial().superRefine(checkSpan).meta({ id: "ProjectPatch" });

export const strategyLink = z
  .object({
    code: z.string(),
    name: z.string(),
    /** pillar › dimension › goal, outermost first */
    path: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  })
  .meta({ id: "StrategyLink" });

export const projectSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    unitCode,
    unitName: z.string(),
    fiscalYear: z.number().int(),
    responsibleOfficer: z.string(),
    budgetAllocated: z.number().nullable(),
    budgetSpent: z.number().nullable(),
    progress: z.number().nullable(),
    lastReportDate: isoDate.nullable(),
    plannedProgress: z.number(),
    scheduleStatus,
    /** a report dated in the as-of date's month, or finished (100 %: no report is owed) */
    reportedThisMonth: z.boolean(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: "ProjectSummary" });

export const projectDetail = projectSummary
  .extend({
    unit: unitSummary,
    responsibleUnit: unitSummary.nullable(),
    budgetUnit: unitSummary.nullable(),
    /** null for anonymous readers: personal details are never public */
    responsibleOfficerPhone: z.string().nullable(),
    rationale: z.string(),
    objectives: z.string(),
    targets: z.string(),
    routineMission: z.boolean(),
    strategy: strategyLink.nullable(),
    plannedStart: isoDate.nullable(),
    plannedFinish: isoDate.nullable(),
    /** the day the project must be finished by: its planned finish, or its fiscal year's last day */
    deadline: isoDate,
    /** งบฯ ที่ใช้ไป ณ วันที่: the dated spending history, newest first (budgetSpent is the latest) */
    spending: z.array(z.object({ spentAsOf: isoDate, amount: z.number() })),
    /** the date budgetSpent is as of; null when it has no date */
    budgetSpentAsOf: isoDate.nullable(),
    policies: z.array(z.object({ code: z.string(), name: z.string() })),
    asOf: isoDate,
    stepCompletion: z.number(),
    totalWeight: z.number(),
    steps: z.array(planStep),
    reports: z.array(progressReport),
    evaluations: z.array(quarterEvaluation),
    indicators: z.array(indicatorSummary),
    createdAt: z.string(),
  })
  .meta({ id: "ProjectDetail" });

export const PROJECT_SORTS = [
  "code",
  "name",
  "progress",
  "plannedProgress",
  "lastReportDate",
  "budgetAllocated",
  "updatedAt",
] as const;

export const projectListQuery = z.strictObject({
  fiscalYear: fiscalYearParam.optional(),
  unit: unitCode.optional(),
  status: scheduleStatus.optional(),
  reportedThisMonth: booleanParam.optional(),
  q: optionalText(200).optional(),
  sort: z.enum(PROJECT_SORTS).default("code"),
  order: z.enum(["asc", "desc"]).default("asc"),
  asOf: isoDate.optional(),
  ...pageQuery,
});

export const asOfQuery = z.strictObject({ asOf: isoDate.optional() });

export type ProjectCreate = z.output<typeof projectCreate>;
export type ProjectPatch = z.output<typeof projectPatch>;
export type ProjectSummary = z.infer<typeof projectSummary>;
export type ProjectDetail = z.infer<typeof projectDetail>;
export type ProjectListQuery = z.output<typeof projectListQuery>;
