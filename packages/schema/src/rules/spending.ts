import type { IsoDate } from "./dates";

/** งบฯ ที่ใช้ไป ณ วันที่: the amount a project had spent as of a date, as reported then. */
export interface DatedSpending {
  spentAsOf: IsoDate;
  amount: number;
}

/**
 * Budget spent as of `asOf`: the latest dated amount on or before it (null before the first).
 * A project whose spending was never dated (data entered before spending had dates) has only its
 * latest amount, `undatedSpent`: it stands for every day and is flagged `undated`, so that a page
 * can say which figures it could not date.
 */
export function budgetSpentAsOf(
  spending: ReadonlyArray<DatedSpending>,
  undatedSpent: number | null,
  asOf: IsoDate,
): { amount: number | null; undated: boolean } {
  if (spending.length === 0) return { amount: undatedSpent, undated: undatedSpent !== null };
  let latest: DatedSpending | null = null;
  for (const entry of spending) {
    if (entry.spentAsOf <= asOf && (latest === null || entry.spentAsOf > latest.spentAsOf)) latest = entry;
  }
  return { amount: latest?.amount ?? null, undated: false };
}

/** The project's budgetSpent: its latest dated amount (null without any). */
export function latestSpending(spending: ReadonlyArray<DatedSpending>): DatedSpending | null {
  let latest: DatedSpending | null = null;
  for (const entry of spending) if (latest === null || entry.spentAsOf > latest.spentAsOf) latest = entry;
  return latest;
}
