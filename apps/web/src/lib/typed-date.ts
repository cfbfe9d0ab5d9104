import { isValidIsoDate, toCommonYear } from "@cpm/schema/rules";

/** A year of 2400 or more is Buddhist era (พ.ศ.); the Common-era years this product meets are far below it. */
const FIRST_BUDDHIST_YEAR = 2400;
const commonYear = (year: number) => (year >= FIRST_BUDDHIST_YEAR ? toCommonYear(year) : year);
const pad = (n: number) => String(n).padStart(2, "0");

function isoDate(year: number, month: number, day: number): string | null {
  const iso = `${commonYear(year)}-${pad(month)}-${pad(day)}`;
  return isValidIsoDate(iso) ? iso : null;
}

const squash = (text: string) => text.toLowerCase().replace(/[.\s]/g, "");

/** Month names as Thai and English forms write them, long and short (มกราคม, ม.ค., January, Jan, Sept). */
const MONTHS: ReadonlyMap<string, number> = (() => {
  const names = new Map<string, number>();
  for (let month = 1; month <= 12; month++) {
    const day = new Date(Date.UTC(2021, month - 1, 15));
    for (const locale of ["th-TH", "en-GB", "en-US"]) {
      for (const style of ["long", "short"] as const) {
        const name = new Intl.DateTimeFormat(locale, { month: style, timeZone: "UTC" }).format(day);
        names.set(squash(name), month);
        if (locale !== "th-TH") names.set(squash(name).slice(0, 3), month);
      }
    }
  }
  return names;
})();

/**
 * What an officer types into a date field, as a `YYYY-MM-DD` date (Common era), or null:
 * `2021-09-20`, `20/9/2564`, `20/09/2021`, `20 ก.ย. 2564`, `20 กันยายน พ.ศ. 2564`, `20 Sep 2021`.
 * Day first, as Thai forms write it; a year of 2400 or more is Buddhist era.
 */
export function parseTypedDate(text: string): string | null {
  const typed = text
    .replace(/พ\.ศ\.|ค\.ศ\./g, " ")
    .trim()
    .replace(/\s+/g, " ");
  const isoLike = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (isoLike) return isoDate(Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3]));
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
  if (numeric) return isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = /^(\d{1,2}) ?([^\d\s]+) ?(\d{4})$/.exec(typed);
  if (named) {
    const month = MONTHS.get(squash(named[2] ?? ""));
    return month ? isoDate(Number(named[3]), month, Number(named[1])) : null;
  }
  return null;
}
