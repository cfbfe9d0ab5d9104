import { z } from "zod";
import { fiscalYearParam, isoDate, quarterParam, unitCode } from "./common";

export const dashboardQuery = z.strictObject({
  fiscalYear: fiscalYearParam,
  quarter: quarterParam.optional(),
  asOf: isoDate.optional(),
});

export const statusCounts = z.object({
  done: z.number().int(),
  no_schedule: z.number().int(),
  not_started: z.number().int(),
  behind: z.number().int(),
  on_track: z.number().int(),
  /** not finished when the fiscal year (or the planned finish) has passed */
  late: z.number().int(),
});

/** KPIs by the shared rule's status (rules/kpi-status.ts), as kept; those not judged yet are in none. */
export const kpiStatusCounts = z
  .object({
    achieved: z.number().int(),
    on_track: z.number().int(),
    at_risk: z.number().int(),
    missed: z.number().int(),
  })
  .meta({ id: "KpiStatusCounts" });

export const dashboardFigures = z.object({
  projects: z.number().int(),
  averageProgress: z.number().nullable(),
  byStatus: statusCounts,
  /** by the one rule (reportedThisMonth in packages/schema/src/rules): finished projects never count */
  notReportedThisMonth: z.number().int(),
  /** Projects by progress: under 25, 25–50, 50–75, 75–100 (not reached), 100. */
  progressDistribution: z.array(z.number().int()).length(5),
  budgetAllocated: z.number(),
  /** as of the dashboard's asOf: each project's latest dated amount on or before it */
  budgetSpent: z.number(),
  /** projects whose spent amount has no date (counted at their latest amount, whatever the day) */
  budgetSpentUndated: z.number().int(),
  /** spent ÷ allocated, in percent; null when nothing is allocated */
  disbursementRate: z.number().nullable(),
  indicators: z.number().int(),
  indicatorsAchieved: z.number().int(),
  indicatorStatus: kpiStatusCounts,
});

export const dashboardUnitRow = dashboardFigures
  .extend({ unitCode, unitName: z.string(), unitKind: z.string() })
  .meta({ id: "DashboardUnitRow" });

export const dashboard = z
  .object({
    fiscalYear: z.number().int(),
    quarter: z.number().int().nullable(),
    asOf: isoDate,
    /** The period the figures cover: the fiscal year, or one quarter of it. */
    periodStart: isoDate,
    periodEnd: isoDate,
    unit: z.object({ code: unitCode, name: z.string(), kind: z.string() }),
    totals: dashboardFigures,
    units: z.array(dashboardUnitRow),
  })
  .meta({ id: "Dashboard" });

export type Dashboard = z.infer<typeof dashboard>;
export type DashboardFigures = z.infer<typeof dashboardFigures>;
