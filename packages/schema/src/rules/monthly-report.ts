import type { IsoDate } from "./dates";
import { toHundredths } from "./decimals";
import { monthSpan } from "./fiscal-calendar";

/**
 * รายงานเดือนนี้แล้ว: no monthly report is missing as of `asOf`. A project has reported this month
 * when one of its reports is dated from the first of `asOf`'s month to `asOf`; a finished project
 * (progress 100) owes no more reports, so it never counts as "not reported". The list's filter,
 * the dashboards' counts and the API's `reportedThisMonth` all follow this one rule.
 */
export function reportedThisMonth(
  reports: ReadonlyArray<{ reportDate: IsoDate }>,
  progress: number | null,
  asOf: IsoDate,
): boolean {
  if (toHundredths(progress ?? 0) >= 10_000) return true;
  const month = monthSpan(asOf);
  return reports.some((r) => r.reportDate >= month.start && r.reportDate <= asOf);
}
