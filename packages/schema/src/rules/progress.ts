import { daysBetween, type IsoDate } from "./dates";
import { round2 } from "./decimals";

export interface ScheduledStep {
  weight: number;
  plannedStart: IsoDate | null;
  plannedEnd: IsoDate | null;
  /** The step's own completion, 0–100. */
  completion: number;
}

export interface DatedReport {
  id?: number;
  reportDate: IsoDate;
  percent: number;
}

/** The newest report by date (ties: the higher id, i.e. entered later). */
export function latestReport<T extends DatedReport>(reports: ReadonlyArray<T>): T | null {
  let latest: T | null = null;
  for (const report of reports) {
    if (
      latest === null ||
      report.reportDate > latest.reportDate ||
      (report.reportDate === latest.reportDate && (report.id ?? 0) > (latest.id ?? 0))
    ) {
      latest = report;
    }
  }
  return latest;
}

/** ความคืบหน้าโครงการ: the latest report's cumulative percent, or null before the first report. */
export function latestProgress(reports: ReadonlyArray<DatedReport>): number | null {
  return latestReport(reports)?.percent ?? null;
}

/** Σ weight × own completion, in percent of the whole plan. */
export function weightedStepCompletion(steps: ReadonlyArray<Pick<ScheduledStep, "weight" | "completion">>): number {
  return round2(steps.reduce((sum, step) => sum + (step.weight * step.completion) / 100, 0));
}

/** A step has a schedule when its planned span is longer than zero days. */
export function hasPlannedSpan(step: Pick<ScheduledStep, "plannedStart" | "plannedEnd">): boolean {
  return step.plannedStart !== null && step.plannedEnd !== null && daysBetween(step.plannedStart, step.plannedEnd) > 0;
}

/** Share (0–1) of a step's planned span elapsed at `asOf`, linear from start to end. */
export function elapsedShare(step: Pick<ScheduledStep, "plannedStart" | "plannedEnd">, asOf: IsoDate): number {
  if (step.plannedStart === null || step.plannedEnd === null) return 0;
  const span = daysBetween(step.plannedStart, step.plannedEnd);
  const elapsed = daysBetween(step.plannedStart, asOf);
  if (span <= 0) return elapsed >= 0 ? 1 : 0;
  return Math.min(1, Math.max(0, elapsed / span));
}

/** แผน: Σ weight × share of the step's planned span elapsed at `asOf`. */
export function plannedCompletion(
  steps: ReadonlyArray<Pick<ScheduledStep, "weight" | "plannedStart" | "plannedEnd">>,
  asOf: IsoDate,
): number {
  return round2(steps.reduce((sum, step) => sum + step.weight * elapsedShare(step, asOf), 0));
}
