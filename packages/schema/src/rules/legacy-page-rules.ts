/**
 * Rules for pages imported from the legacy site: how their dates are read, and what is flagged.
 * Nothing is corrected: a page is imported as it is, and what looks wrong carries a flag.
 */
import { type IsoDate, isValidIsoDate } from "./dates";
import { toHundredths } from "./decimals";
import { BE_OFFSET, fiscalYearSpan } from "./fiscal-calendar";
import { totalWeight, weightsAreComplete } from "./plan-weights";

/** A year at or past this is in the Buddhist era (2400 BE = 1857 CE: no page is that old). */
const FIRST_BUDDHIST_YEAR = 2400;

/** A day written with a year in the Buddhist or the common era, as an ISO date; null when not a real date. */
export function dateFromEitherEra(year: number, month: number, day: number): IsoDate | null {
  const ce = year >= FIRST_BUDDHIST_YEAR ? year - BE_OFFSET : year;
  const iso = `${String(ce).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isValidIsoDate(iso) ? iso : null;
}

/**
 * A date written in a text as d/m/y (the legacy site's own way) or m/d/y (some officers' spreadsheets:
 * `12/29/2020`), the year in either era: day-first unless that is not a real date.
 */
export function slashDate(text: string): IsoDate | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [a, b, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return dateFromEitherEra(y, b, a) ?? dateFromEitherEra(y, a, b);
}

/**
 * A KPI's measure type from the unit the legacy page counts it in: ระดับ (a level 1–5), ร้อยละ
 * (a percent), anything else a number (ครั้ง, คน, แห่ง, …).
 */
export function measureTypeOfUnit(measureUnit: string): "level" | "percent" | "number" {
  const unit = measureUnit.trim();
  if (unit.startsWith("ระดับ")) return "level";
  if (unit.startsWith("ร้อยละ") || unit === "%") return "percent";
  return "number";
}

export const LEGACY_FLAG_CODES = [
  "weightsSum",
  "stepDatesOneDay",
  "percentDrops",
  "reportAfterYearEnd",
  "codeFromFileName",
  "unitNameDiffers",
  "unknownStrategy",
] as const;

export type LegacyFlagCode = (typeof LEGACY_FLAG_CODES)[number];

export interface LegacyFlag {
  code: LegacyFlagCode;
  path: string;
  message: { th: string; en: string };
}

export interface FlaggablePage {
  steps: ReadonlyArray<{ weight: number; plannedStart: IsoDate | null; plannedEnd: IsoDate | null }>;
  reports: ReadonlyArray<{ reportDate: IsoDate; percent: number }>;
}

/**
 * What is odd about a page's plan and reports, given the project's fiscal year: weights that do not
 * add up to 100, every step starting and ending on one same day, a cumulative percent lower than the
 * report before it, a report dated after the fiscal year's end.
 */
export function legacyPageFlags(page: FlaggablePage, fiscalYear: number): LegacyFlag[] {
  const flags: LegacyFlag[] = [];
  if (page.steps.length > 0 && !weightsAreComplete(page.steps)) {
    const total = totalWeight(page.steps);
    flags.push({
      code: "weightsSum",
      path: "steps",
      message: {
        th: `น้ำหนักของขั้นตอนรวมกันได้ ${total} ไม่เท่ากับ 100`,
        en: `The step weights add up to ${total}, not 100`,
      },
    });
  }
  const days = new Set(page.steps.flatMap((s) => [s.plannedStart, s.plannedEnd]));
  const [onlyDay] = days;
  if (page.steps.length > 0 && days.size === 1 && onlyDay) {
    flags.push({
      code: "stepDatesOneDay",
      path: "steps",
      message: {
        th: `ทุกขั้นตอนเริ่มและสิ้นสุดในวันเดียวกัน (${onlyDay}): แผนไม่มีช่วงเวลา`,
        en: `Every step starts and ends on one day (${onlyDay}): the plan has no schedule`,
      },
    });
  }
  const chronological = [...page.reports].sort((a, b) => (a.reportDate < b.reportDate ? -1 : 1));
  for (let i = 1; i < chronological.length; i++) {
    const previous = chronological[i - 1] as FlaggablePage["reports"][number];
    const report = chronological[i] as FlaggablePage["reports"][number];
    if (toHundredths(report.percent) < toHundredths(previous.percent)) {
      flags.push({
        code: "percentDrops",
        path: `reports.${report.reportDate}`,
        message: {
          th: `ร้อยละลดลงจาก ${previous.percent} (${previous.reportDate}) เป็น ${report.percent} (${report.reportDate})`,
          en: `The percent drops from ${previous.percent} (${previous.reportDate}) to ${report.percent} (${report.reportDate})`,
        },
      });
    }
  }
  const yearEnd = fiscalYearSpan(fiscalYear).end;
  for (const report of chronological) {
    if (report.reportDate > yearEnd) {
      flags.push({
        code: "reportAfterYearEnd",
        path: `reports.${report.reportDate}`,
        message: {
          th: `รายงานวันที่ ${report.reportDate} หลังสิ้นปีงบประมาณ ${fiscalYear} (${yearEnd})`,
          en: `A report dated ${report.reportDate}, after the end of fiscal year ${fiscalYear} (${yearEnd})`,
        },
      });
    }
  }
  return flags;
}
