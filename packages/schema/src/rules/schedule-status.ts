import type { IsoDate } from "./dates";
import { toHundredths } from "./decimals";
import { fiscalYearSpan } from "./fiscal-calendar";
import { hasPlannedSpan, plannedCompletion, type ScheduledStep } from "./progress";

export const SCHEDULE_STATUSES = ["done", "late", "no_schedule", "not_started", "behind", "on_track"] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/** Reported progress may trail the plan by this many points before the project counts as behind. */
export const BEHIND_TOLERANCE = 10;

/**
 * The day a project must be finished by: its planned finish when it has one, otherwise the last
 * day of its fiscal year.
 */
export function projectDeadline(fiscalYear: number, plannedFinish: IsoDate | null): IsoDate {
  return plannedFinish ?? fiscalYearSpan(fiscalYear).end;
}

/**
 * First match wins: done (progress 100) › late (ไม่แล้วเสร็จ: the deadline has passed and the
 * project is not finished) › no_schedule (no step spans more than zero days) › not_started
 * (nothing reported and nothing planned yet) › behind (more than 10 points under planned
 * completion) › on_track.
 */
export function scheduleStatus(
  progress: number | null,
  steps: ReadonlyArray<Pick<ScheduledStep, "weight" | "plannedStart" | "plannedEnd">>,
  asOf: IsoDate,
  deadline: IsoDate | null = null,
): ScheduleStatus {
  const reported = progress ?? 0;
  if (toHundredths(reported) >= 10_000) return "done";
  if (deadline !== null && asOf > deadline) return "late";
  if (!steps.some(hasPlannedSpan)) return "no_schedule";
  const planned = plannedCompletion(steps, asOf);
  if (toHundredths(reported) === 0 && toHundredths(planned) === 0) return "not_started";
  if (toHundredths(planned) - toHundredths(reported) > toHundredths(BEHIND_TOLERANCE)) return "behind";
  return "on_track";
}
