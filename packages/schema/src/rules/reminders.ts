import type { IsoDate } from "./dates";
import { DEFAULT_REPORT_DEADLINE_DAY, type Month } from "./reporting-rates";

/** How many days before the deadline the officers are reminded. */
export const REMIND_DAYS_BEFORE = 3;

export interface UnitReporting {
  unitId: number;
  /** active projects of the reporting month, and those reported */
  expected: number;
  reported: number;
}

export interface Recipient {
  userId: number;
  role: string;
  unitId: number | null;
}

export type ReminderKind = "officerBeforeDeadline" | "headAfterDeadline" | "executiveSummary";

export interface DueReminder {
  userId: number;
  kind: ReminderKind;
  /** unique per user: a reminder with a key already sent is never sent again */
  key: string;
  month: Month;
  unitId: number | null;
}

/** The month whose reports are due this month: the previous one. */
export function reportingMonthOf(today: IsoDate): Month {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

/**
 * Who is to be reminded today of the previous month's reports (due on `deadlineDay` of this month):
 * - in the days up to the deadline, the officers of each unit with projects not yet reported;
 * - after it, the heads of those units;
 * - the day after the deadline, every executive gets the month's summary.
 * Each reminder has a key (kind, month, unit) so that it is sent once, whatever runs it again.
 */
export function dueReminders(
  today: IsoDate,
  units: readonly UnitReporting[],
  users: readonly Recipient[],
  deadlineDay: number = DEFAULT_REPORT_DEADLINE_DAY,
): DueReminder[] {
  const month = reportingMonthOf(today);
  const day = Number(today.slice(8, 10));
  const behind = units.filter((u) => u.reported < u.expected);
  const reminders: DueReminder[] = [];
  const remind = (role: string, kind: ReminderKind) => {
    for (const unit of behind) {
      for (const user of users.filter((u) => u.role === role && u.unitId === unit.unitId)) {
        reminders.push({
          userId: user.userId,
          kind,
          key: `${kind}:${month}:${unit.unitId}`,
          month,
          unitId: unit.unitId,
        });
      }
    }
  };
  if (day <= deadlineDay && day > deadlineDay - REMIND_DAYS_BEFORE) remind("officer", "officerBeforeDeadline");
  if (day > deadlineDay) remind("head", "headAfterDeadline");
  if (day === deadlineDay + 1) {
    for (const user of users.filter((u) => u.role === "executive")) {
      reminders.push({
        userId: user.userId,
        kind: "executiveSummary",
        key: `executiveSummary:${month}`,
        month,
        unitId: null,
      });
    }
  }
  return reminders;
}
