import type { ProjectDetail } from "@cpm/schema";
import {
  type IsoDate,
  latestReport,
  plannedCompletion,
  projectDeadline,
  reportedThisMonth,
  scheduleStatus,
  totalWeight,
  weightedStepCompletion,
} from "@cpm/schema/rules";
import type { Prisma } from "../generated/prisma/client";
import { fromDbDate, fromDbDateOrNull } from "../lib/dates";
import {
  indicatorInclude,
  numOrNull,
  toEvaluation,
  toIndicatorSummary,
  toPlanStep,
  toProgressReports,
} from "./project-mappers";
import { toUnitSummary } from "./units-repository";

export const projectDetailInclude = {
  unit: { include: { parent: true } },
  responsibleUnit: { include: { parent: true } },
  budgetUnit: { include: { parent: true } },
  strategyNode: { include: { parent: { include: { parent: true } } } },
  policies: { include: { policy: true }, orderBy: { policyCode: "asc" } },
  steps: { orderBy: { order: "asc" } },
  reports: { where: { deletedAt: null } },
  spending: { orderBy: { spentAsOf: "desc" } },
  evaluations: { orderBy: { quarter: "asc" } },
  indicators: { include: { indicator: { include: indicatorInclude } } },
} as const satisfies Prisma.ProjectInclude;

export type ProjectWithDetail = Prisma.ProjectGetPayload<{ include: typeof projectDetailInclude }>;

function strategyPath(node: ProjectWithDetail["strategyNode"]) {
  const path: { code: string; name: string; level: string }[] = [];
  for (let n: { code: string; name: string; level: string; parent?: unknown } | null | undefined = node; n; ) {
    path.unshift({ code: n.code, name: n.name, level: n.level });
    n = n.parent as typeof n;
  }
  return path;
}

/** The detail shape, with progress and schedule computed by the shared rules as of `asOf`. */
export function toProjectDetail(project: ProjectWithDetail, asOf: IsoDate): ProjectDetail {
  const steps = project.steps.map(toPlanStep);
  const reports = toProgressReports(project.reports);
  const latest = latestReport(reports.filter((r) => r.reportDate <= asOf));
  const progress = latest?.percent ?? null;
  const plannedFinish = fromDbDateOrNull(project.plannedFinish);
  const deadline = projectDeadline(project.fiscalYear, plannedFinish);
  const spending = project.spending.map((s) => ({ spentAsOf: fromDbDate(s.spentAsOf), amount: Number(s.amount) }));
  return {
    code: project.code,
    name: project.name,
    unitCode: project.unit.code,
    unitName: project.unit.name,
    fiscalYear: project.fiscalYear,
    responsibleOfficer: project.responsibleOfficer,
    responsibleOfficerPhone: project.responsibleOfficerPhone,
    budgetAllocated: numOrNull(project.budgetAllocated),
    budgetSpent: numOrNull(project.budgetSpent),
    progress,
    lastReportDate: latest?.reportDate ?? null,
    plannedProgress: plannedCompletion(steps, asOf),
    scheduleStatus: scheduleStatus(progress, steps, asOf, deadline),
    reportedThisMonth: reportedThisMonth(reports, progress, asOf),
    version: project.version,
    updatedAt: project.updatedAt.toISOString(),
    unit: toUnitSummary(project.unit),
    responsibleUnit: project.responsibleUnit ? toUnitSummary(project.responsibleUnit) : null,
    budgetUnit: project.budgetUnit ? toUnitSummary(project.budgetUnit) : null,
    rationale: project.rationale,
    objectives: project.objectives,
    targets: project.targets,
    routineMission: project.strategyNode === null,
    strategy: project.strategyNode
      ? { code: project.strategyNode.code, name: project.strategyNode.name, path: strategyPath(project.strategyNode) }
      : null,
    plannedStart: fromDbDateOrNull(project.plannedStart),
    plannedFinish,
    deadline,
    spending,
    budgetSpentAsOf: spending[0]?.spentAsOf ?? null,
    policies: project.policies.map((p) => ({ code: p.policy.code, name: p.policy.name })),
    asOf,
    stepCompletion: weightedStepCompletion(steps),
    totalWeight: totalWeight(steps),
    steps,
    reports,
    evaluations: project.evaluations.map(toEvaluation),
    indicators: project.indicators.map((link) => toIndicatorSummary(link.indicator)),
    createdAt: project.createdAt.toISOString(),
  };
}
