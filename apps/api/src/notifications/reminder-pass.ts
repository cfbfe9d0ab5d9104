import {
  type DueReminder,
  dueReminders,
  fiscalYearOf,
  type IsoDate,
  monthBounds,
  reportingDeadline,
  reportingMonthOf,
} from "@cpm/schema/rules";
import type { PrismaClient } from "../generated/prisma/client";
import type { Mailer } from "./mailer";
import { type Language, reminderMessage } from "./reminder-messages";

interface UnitRow {
  unit_id: number;
  name: string;
  name_en: string | null;
  expected: bigint;
  reported: bigint;
}

interface UserRow {
  id: number;
  role: string;
  unit_id: number | null;
  email: string;
  language: string;
  email_reminders: boolean;
}

export interface ReminderPassResult {
  /** reminders due today (whether or not an earlier pass already wrote them) */
  due: number;
  /** notifications this pass wrote (each key once, whichever process got there first) */
  created: number;
  mailed: number;
}

/**
 * One reminder pass for `today`: who is to be reminded (rules/reminders.ts) over each unit's
 * reporting of the previous month, then a notification per reminder. The notification's unique
 * (user, key) is the once-only guarantee: a pass that finds the key written (by an earlier pass or a
 * concurrent process) neither notifies nor mails again. Only the pass that wrote it sends the
 * e-mail, to users with an address who have not turned reminder e-mails off.
 */
export async function runReminderPass(options: {
  prisma: PrismaClient;
  today: IsoDate;
  deadlineDay: number;
  mailer: Mailer | null;
  onMailError?: (error: unknown, userId: number) => void;
}): Promise<ReminderPassResult> {
  const { prisma, today, deadlineDay, mailer } = options;
  const month = reportingMonthOf(today);
  const { start, end } = monthBounds(month);
  const units = await prisma.$queryRaw<UnitRow[]>`
    SELECT u.id AS unit_id, u.name, u.name_en, COUNT(*) AS expected,
      COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM progress_report r WHERE r.project_id = p.id
        AND r.deleted_at IS NULL AND r.report_date BETWEEN ${start}::date AND ${end}::date)) AS reported
    FROM project p JOIN org_unit u ON u.id = p.unit_id
    WHERE p.fiscal_year = ${fiscalYearOf(start)} AND p.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM progress_report d WHERE d.project_id = p.id AND d.deleted_at IS NULL
        AND d.report_date < ${start}::date AND d.percent >= 100)
    GROUP BY u.id, u.name, u.name_en`;
  const users = await prisma.$queryRaw<UserRow[]>`
    SELECT id, role::text AS role, unit_id, email, language, email_reminders
    FROM app_user WHERE disabled_at IS NULL AND role IN ('officer', 'head', 'executive')`;
  const reporting = units.map((u) => ({
    unitId: u.unit_id,
    expected: Number(u.expected),
    reported: Number(u.reported),
  }));
  const due = dueReminders(
    today,
    reporting,
    users.map((u) => ({ userId: u.id, role: u.role, unitId: u.unit_id })),
    deadlineDay,
  );
  // the executives' summary: the city's month, and the fiscal year's projects behind and KPIs at risk
  const [standing] = await prisma.$queryRaw<{ behind: bigint; at_risk: bigint }[]>`
    SELECT
      (SELECT COUNT(*) FROM project_figures f JOIN project p ON p.id = f.project_id AND p.deleted_at IS NULL
        WHERE f.fiscal_year = ${fiscalYearOf(start)} AND f.schedule_status IN ('behind', 'late')) AS behind,
      (SELECT COUNT(*) FROM indicator i WHERE i.fiscal_year = ${fiscalYearOf(start)}
        AND i.status IN ('at_risk', 'missed')) AS at_risk`;
  const summary = {
    expected: reporting.reduce((sum, u) => sum + u.expected, 0),
    reported: reporting.reduce((sum, u) => sum + u.reported, 0),
    unitsBehind: reporting.filter((u) => u.reported < u.expected).length,
    unitCount: reporting.length,
    projectsBehind: Number(standing?.behind ?? 0),
    kpisAtRisk: Number(standing?.at_risk ?? 0),
  };
  const deadline = reportingDeadline(month, deadlineDay);
  const messageOf = (reminder: DueReminder, language: Language) => {
    const unit = units.find((u) => u.unit_id === reminder.unitId);
    return reminderMessage(
      {
        kind: reminder.kind,
        month,
        deadline,
        unit: unit && {
          th: unit.name,
          en: unit.name_en,
          expected: Number(unit.expected),
          reported: Number(unit.reported),
        },
        summary,
      },
      language,
    );
  };
  const result: ReminderPassResult = { due: due.length, created: 0, mailed: 0 };
  for (const reminder of due) {
    const user = users.find((u) => u.id === reminder.userId);
    if (!user) continue;
    const language: Language = user.language === "en" ? "en" : "th";
    const message = messageOf(reminder, language);
    const [written] = await prisma.$queryRaw<{ id: number }[]>`
      INSERT INTO notification (user_id, key, kind, subject, body)
      VALUES (${user.id}, ${reminder.key}, ${reminder.kind}, ${message.subject}, ${message.body})
      ON CONFLICT (user_id, key) DO NOTHING RETURNING id`;
    if (!written) continue;
    result.created++;
    if (!mailer || !user.email || !user.email_reminders) continue;
    try {
      await mailer({ to: user.email, subject: message.subject, text: message.body });
      await prisma.$executeRaw`UPDATE notification SET emailed_at = now() WHERE id = ${written.id}`;
      result.mailed++;
    } catch (error) {
      // the notification stays in-app; the e-mail is not retried (it would not be once-only)
      options.onMailError?.(error, user.id);
    }
  }
  return result;
}
