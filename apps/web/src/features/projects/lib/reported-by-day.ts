import type { ProgressReport } from "@cpm/schema";
import { dayNumber, latestReport } from "@cpm/schema/rules";

/**
 * The percent the plan-vs-actual chart shows on each report day: that day's latest report (the
 * one entered last, as the header's progress takes it by the shared rule), so that a correction
 * entered as a new report of the same day, lower than the first, shows its own point.
 */
export function reportedByDay(
  reports: ReadonlyArray<Pick<ProgressReport, "id" | "reportDate" | "percent">>,
): Map<number, number> {
  const byDay = new Map<number, Pick<ProgressReport, "id" | "reportDate" | "percent">[]>();
  for (const report of reports) {
    const day = dayNumber(report.reportDate);
    byDay.set(day, [...(byDay.get(day) ?? []), report]);
  }
  return new Map([...byDay].map(([day, ofDay]) => [day, latestReport(ofDay)?.percent ?? 0]));
}
