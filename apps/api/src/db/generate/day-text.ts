import { fromDayNumber } from "@cpm/schema/rules";

/**
 * `YYYY-MM-DD` of a day number, remembered: a nation-size load formats tens of millions of dates
 * over a few hundred distinct days, and formatting through Date was a fifth of its CPU time.
 */
const texts = new Map<number, string>();
export function dayText(day: number): string {
  let text = texts.get(day);
  if (text === undefined) {
    text = fromDayNumber(day);
    texts.set(day, text);
  }
  return text;
}

const monthStarts = new Map<number, number>();
/** The day number of the first day of the month holding `day`. */
export function monthStartOf(day: number): number {
  let start = monthStarts.get(day);
  if (start === undefined) {
    const date = new Date(day * 86_400_000);
    start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000;
    monthStarts.set(day, start);
  }
  return start;
}

/** The day number of the first day of the month after the one holding `day`. */
export const nextMonthStart = (day: number): number => monthStartOf(monthStartOf(day) + 31);
