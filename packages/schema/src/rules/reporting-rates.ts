import type { IsoDate } from "./dates";
import { round2 } from "./decimals";

/** Reports of a month are due by this day of the next month, in the city's time zone. */
export const DEFAULT_REPORT_DEADLINE_DAY = 5;

/** A calendar month, common era: 2026-11. */
export type Month = string;

/** The day a month's reports are due: the `deadlineDay` of the next month (the last day if shorter). */
export function reportingDeadline(month: Month, deadlineDay: number = DEFAULT_REPORT_DEADLINE_DAY): IsoDate {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const next = new Date(Date.UTC(year, monthNumber, 1));
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(deadlineDay, lastDay));
  return next.toISOString().slice(0, 10);
}

/** The first and last day of a month. */
export function monthBounds(month: Month): { start: IsoDate; end: IsoDate } {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const end = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
  return { start: `${month}-01`, end };
}

export interface ActiveProjectMonth {
  /** The day (in the city's time zone) the project's first report of the month was written, or null. */
  firstReportWrittenOn: IsoDate | null;
}

export interface ReportingRates {
  /** active projects: a report is expected of each */
  expected: number;
  /** of them, with a report dated in the month */
  reported: number;
  /** of them, written by the deadline */
  onTime: number;
  /** reported ÷ expected, percent; null when none is expected */
  completeness: number | null;
  /** on time ÷ expected, percent; null when none is expected */
  timeliness: number | null;
}

/**
 * DHIS2's reporting rates for one month: completeness is the share of active projects with a report
 * dated in the month, timeliness the share whose report was written by the deadline. A project is
 * active in a month when it is live, of the month's fiscal year, and was not reported done (100)
 * before the month began.
 */
export function reportingRates(projects: readonly ActiveProjectMonth[], deadline: IsoDate): ReportingRates {
  const expected = projects.length;
  const reported = projects.filter((p) => p.firstReportWrittenOn !== null).length;
  const onTime = projects.filter((p) => p.firstReportWrittenOn !== null && p.firstReportWrittenOn <= deadline).length;
  return { expected, reported, onTime, ...ratesOf(expected, reported, onTime) };
}

/** The two percents from the counts (the SQL sums counts and calls this). */
export function ratesOf(expected: number, reported: number, onTime: number) {
  return {
    completeness: expected === 0 ? null : round2((reported / expected) * 100),
    timeliness: expected === 0 ? null : round2((onTime / expected) * 100),
  };
}
