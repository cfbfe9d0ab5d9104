import type { IsoDate } from "./dates";

/** Buddhist era (พ.ศ.) = Common era (ค.ศ.) + 543. */
export const BE_OFFSET = 543;

export const toBuddhistYear = (ceYear: number): number => ceYear + BE_OFFSET;
export const toCommonYear = (beYear: number): number => beYear - BE_OFFSET;

export type Quarter = 1 | 2 | 3 | 4;

/** ปีงบประมาณ: the fiscal year (BE) runs 1 October of the previous CE year to 30 September. */
export function fiscalYearOf(date: IsoDate): number {
  const ceYear = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return toBuddhistYear(month >= 10 ? ceYear + 1 : ceYear);
}

/** ไตรมาส: Q1 = Oct–Dec, Q2 = Jan–Mar, Q3 = Apr–Jun, Q4 = Jul–Sep. */
export function fiscalQuarterOf(date: IsoDate): Quarter {
  const month = Number(date.slice(5, 7));
  return (Math.floor(((month + 2) % 12) / 3) + 1) as Quarter;
}

export function fiscalYearSpan(fiscalYear: number): { start: IsoDate; end: IsoDate } {
  const ceEnd = toCommonYear(fiscalYear);
  return { start: `${ceEnd - 1}-10-01`, end: `${ceEnd}-09-30` };
}

const QUARTER_MONTHS: Record<Quarter, { startMonth: string; endDay: string; yearOffset: number }> = {
  1: { startMonth: "10-01", endDay: "12-31", yearOffset: -1 },
  2: { startMonth: "01-01", endDay: "03-31", yearOffset: 0 },
  3: { startMonth: "04-01", endDay: "06-30", yearOffset: 0 },
  4: { startMonth: "07-01", endDay: "09-30", yearOffset: 0 },
};

export function fiscalQuarterSpan(fiscalYear: number, quarter: Quarter): { start: IsoDate; end: IsoDate } {
  const q = QUARTER_MONTHS[quarter];
  const year = toCommonYear(fiscalYear) + q.yearOffset;
  return { start: `${year}-${q.startMonth}`, end: `${year}-${q.endDay}` };
}

/** The first and last day of the calendar month that holds `date`. */
export function monthSpan(date: IsoDate): { start: IsoDate; end: IsoDate } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = date.slice(5, 7);
  return { start: `${year}-${mm}-01`, end: `${year}-${mm}-${String(last).padStart(2, "0")}` };
}

/** The last day of each month of a fiscal year, October first. */
export function monthEndsOf(fiscalYear: number): IsoDate[] {
  const start = fiscalYearSpan(fiscalYear).start;
  const ceYear = Number(start.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((9 + i) % 12) + 1;
    const year = month >= 10 ? ceYear : ceYear + 1;
    return monthSpan(`${year}-${String(month).padStart(2, "0")}-01`).end;
  });
}

/**
 * The month ends of a fiscal year that are over as of `today`: their figures can no longer move
 * with the calendar (only with a back-dated change), so they are kept frozen, one set per month.
 */
export function closedMonthEnds(fiscalYear: number, today: IsoDate): IsoDate[] {
  const currentMonthStart = monthSpan(today).start;
  return monthEndsOf(fiscalYear).filter((end) => end < currentMonthStart);
}
