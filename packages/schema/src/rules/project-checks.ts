import type { IsoDate } from "./dates";
import { toHundredths } from "./decimals";
import { fiscalYearSpan } from "./fiscal-calendar";
import { monthBounds } from "./reporting-rates";

/** ร้อยละลดลง · 100 % แต่ขั้นตอนยังไม่ครบ · ไม่มีรายงานประจำเดือน · ใช้งบเกินที่ได้รับ */
export const CHECK_CODES = ["percentDropped", "doneWithOpenSteps", "missingMonthlyReport", "overspent"] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export interface CheckedProject {
  fiscalYear: number;
  /** live reports, any order */
  reports: readonly { id: number; reportDate: IsoDate; percent: number }[];
  steps: readonly { name: string; completion: number }[];
  budgetAllocated: number | null;
  budgetSpent: number | null;
}

export interface CheckWarning {
  code: CheckCode;
  /** the warning's own key, which an explanation answers: the code, and the report date or month it is about */
  key: string;
  params: Record<string, string | number | string[]>;
}

/**
 * The checks a project's data should pass, each failure a warning with its reason:
 * - the cumulative percent should never drop below an earlier report's;
 * - a project reported at 100 should have every step complete;
 * - a report is expected every month of its fiscal year until it is done (closed months only);
 * - spending should not pass the allocation.
 */
export function projectChecks(project: CheckedProject, today: IsoDate): CheckWarning[] {
  const warnings: CheckWarning[] = [];
  const reports = [...project.reports].sort((a, b) =>
    a.reportDate === b.reportDate ? a.id - b.id : a.reportDate < b.reportDate ? -1 : 1,
  );
  let highest: { percent: number; reportDate: IsoDate } | null = null;
  for (const report of reports) {
    if (highest && toHundredths(report.percent) < toHundredths(highest.percent)) {
      warnings.push({
        code: "percentDropped",
        key: `percentDropped:${report.reportDate}`,
        params: { date: report.reportDate, from: highest.percent, to: report.percent, since: highest.reportDate },
      });
    }
    if (!highest || report.percent > highest.percent) highest = report;
  }
  const latest = reports.at(-1);
  if (latest && toHundredths(latest.percent) >= 10_000) {
    const open = project.steps.filter((s) => toHundredths(s.completion) < 10_000).map((s) => s.name);
    if (open.length) warnings.push({ code: "doneWithOpenSteps", key: "doneWithOpenSteps", params: { steps: open } });
  }
  const year = fiscalYearSpan(project.fiscalYear);
  for (let month = year.start.slice(0, 7); ; ) {
    const { start, end } = monthBounds(month);
    if (end >= today || start > year.end) break;
    const doneBefore = reports.some((r) => r.reportDate < start && toHundredths(r.percent) >= 10_000);
    if (doneBefore) break;
    if (!reports.some((r) => r.reportDate >= start && r.reportDate <= end)) {
      warnings.push({ code: "missingMonthlyReport", key: `missingMonthlyReport:${month}`, params: { month } });
    }
    const [y, m] = month.split("-").map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  }
  if (
    project.budgetAllocated !== null &&
    project.budgetSpent !== null &&
    toHundredths(project.budgetSpent) > toHundredths(project.budgetAllocated)
  ) {
    warnings.push({
      code: "overspent",
      key: "overspent",
      params: { allocated: project.budgetAllocated, spent: project.budgetSpent },
    });
  }
  return warnings;
}

/** A warning's reason in Thai and English. */
export function checkMessage(warning: CheckWarning): { th: string; en: string } {
  const p = warning.params;
  switch (warning.code) {
    case "percentDropped":
      return {
        th: `ร้อยละความคืบหน้าสะสมลดลงจาก ${p.from} (${p.since}) เหลือ ${p.to} ในรายงานวันที่ ${p.date}`,
        en: `The cumulative percent dropped from ${p.from} (${p.since}) to ${p.to} in the report of ${p.date}`,
      };
    case "doneWithOpenSteps":
      return {
        th: `รายงานความคืบหน้าร้อยละ 100 แต่ขั้นตอนยังไม่เสร็จ: ${(p.steps as string[]).join(", ")}`,
        en: `Reported at 100 % but some steps are not complete: ${(p.steps as string[]).join(", ")}`,
      };
    case "missingMonthlyReport":
      return { th: `ไม่มีรายงานประจำเดือน ${p.month}`, en: `No report for ${p.month}` };
    default:
      return {
        th: `ใช้งบประมาณ ${p.spent} บาท เกินงบที่ได้รับ ${p.allocated} บาท`,
        en: `Spent ${p.spent} baht, more than the ${p.allocated} baht allocated`,
      };
  }
}
