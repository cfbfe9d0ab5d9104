import type { IsoDate } from "./dates";
import { toHundredths } from "./decimals";
import { hasPlannedSpan, plannedCompletion, type ScheduledStep } from "./progress";

export const SCHEDULE_STATUSES = ["done", "no_schedule", "not_started", "behind", "on_track"] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/** Reported progress may trail the plan by this many points before the project counts as behind. */
export const BEHIND_TOLERANCE = 10;

/**
 * First match wins: done (progress 100) › no_schedule (no step spans more than zero days)
 * › not_started (nothing reported and nothing planned yet) › behind (more than 10 points
 * under planned completion) › on_track.
 */
export function scheduleStatus(
  progress: number | null,
  steps: ReadonlyArray<Pick<ScheduledStep, "weight" | "plannedStart" | "plannedEnd">>,
  asOf: IsoDate,
): ScheduleStatus {
  const reported = progress ?? 0;
  if (toHundredths(reported) >= 10_000) return "done";
  if (!steps.some(hasPlannedSpan)) return "no_schedule";
  const planned = plannedCompletion(steps, asOf);
  if (toHundredths(reported) === 0 && toHundredths(planned) === 0) return "not_started";
  if (toHundredths(planned) - toHundredths(reported) > toHundredths(BEHIND_TOLERANCE)) return "behind";
  return "on_track";
}
