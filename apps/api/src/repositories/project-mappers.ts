import type { IndicatorSummary, PlanStep, ProgressReport, QuarterEvaluation } from "@cpm/schema";
import { fiscalQuarterOf, fiscalYearOf, type Quarter } from "@cpm/schema/rules";
import type { Prisma } from "../generated/prisma/client";
import { fromDbDate, fromDbDateOrNull } from "../lib/dates";

export const num = (value: Prisma.Decimal | number): number => Number(value);
export const numOrNull = (value: Prisma.Decimal | number | null): number | null =>
  value === null ? null : Number(value);

export const toPlanStep = (step: Prisma.PlanStepGetPayload<object>): PlanStep => ({
  id: step.id,
  order: step.order,
  name: step.name,
  weight: num(step.weight),
  plannedStart: fromDbDateOrNull(step.plannedStart),
  plannedEnd: fromDbDateOrNull(step.plannedEnd),
  actualStart: fromDbDateOrNull(step.actualStart),
  actualEnd: fromDbDateOrNull(step.actualEnd),
  completion: num(step.completion),
});

/** Reports newest first, each with its fiscal quarter and a flag when its percent drops below the previous one. */
export function toProgressReports(rows: Prisma.ProgressReportGetPayload<object>[]): ProgressReport[] {
  const chronological = [...rows].sort((a, b) => a.reportDate.getTime() - b.reportDate.getTime() || a.id - b.id);
  let previous: number | null = null;
  const reports = chronological.map((row) => {
    const date = fromDbDate(row.reportDate);
    const percent = num(row.percent);
    const report: ProgressReport = {
      id: row.id,
      reportDate: date,
      percent,
      narrative: row.narrative,
      problems: row.problems,
      obstacles: row.obstacles,
      fiscalYear: fiscalYearOf(date),
      quarter: fiscalQuarterOf(date),
      dropsFromPrevious: previous !== null && percent < previous,
      createdAt: row.createdAt.toISOString(),
    };
    previous = percent;
    return report;
  });
  return reports.reverse();
}

export const toEvaluation = (row: Prisma.QuarterEvaluationGetPayload<object>): QuarterEvaluation => ({
  quarter: row.quarter as Quarter,
  score: num(row.score),
  note: row.note,
  updatedAt: row.updatedAt.toISOString(),
});

export const indicatorInclude = {
  unit: true,
  quarters: { orderBy: { quarter: "asc" } },
} as const satisfies Prisma.IndicatorInclude;

export const toIndicatorSummary = (
  row: Prisma.IndicatorGetPayload<{ include: typeof indicatorInclude }>,
): IndicatorSummary => ({
  code: row.code,
  unitCode: row.unit.code,
  fiscalYear: row.fiscalYear,
  name: row.name,
  measureUnit: row.measureUnit,
  achieved: numOrNull(row.achieved),
  type: row.type,
  resultLevel: row.resultLevel,
  version: row.version,
  ...kpiDefinitionFields(row),
  status: row.status,
  achievement: numOrNull(row.achievement),
  quarters: row.quarters.map((q) => ({
    quarter: q.quarter as Quarter,
    value: num(q.value),
    score21: numOrNull(q.score21),
    score22: numOrNull(q.score22),
  })),
});

/** How a KPI is judged, from its row (rules/kpi-status.ts). */
export const kpiDefinitionFields = (row: Prisma.IndicatorGetPayload<object>) => ({
  measureType: row.measureType,
  direction: row.direction,
  cumulative: row.cumulative,
  baseline: numOrNull(row.baseline),
  target: num(row.target),
  quarterTargets: [row.targetQ1, row.targetQ2, row.targetQ3, row.targetQ4].map(numOrNull),
  onTrackMargin: num(row.onTrackMargin),
  levelRubric: row.levelRubric,
});
