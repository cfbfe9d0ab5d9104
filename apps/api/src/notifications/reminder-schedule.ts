import { PgBoss } from "pg-boss";
import type { Database } from "../db/database";
import type { Env } from "../env";
import { makeClock } from "../plugins/app/db";
import { createMailer } from "./mailer";
import { runReminderPass } from "./reminder-pass";

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const REMINDER_QUEUE = "reminders";
/** On the embedded database: how often the in-process check runs the (once-only) pass. */
const EMBEDDED_CHECK_MS = 60 * 60 * 1000;

/**
 * The daily reminder pass, inside the server. On PostgreSQL a pg-boss schedule (REMINDER_CRON, in
 * TIME_ZONE): pg-boss puts one job per tick however many API processes run, and one worker takes it.
 * On the embedded database (one process) an hourly in-process check. Either way the notification's
 * unique (user, key) keeps every reminder once-only, even if a pass runs twice.
 */
export interface ReminderSchedule {
  /** Run a pass now: a job in the queue (taken by one worker of any process), or the in-process check. */
  trigger(): Promise<void>;
  stop(): Promise<void>;
}

export async function startReminderSchedule(env: Env, db: Database, log: Log): Promise<ReminderSchedule> {
  if (!env.REMINDERS) return { trigger: async () => {}, stop: async () => {} };
  const clock = makeClock(env);
  const mailer = createMailer(env);
  const pass = async () => {
    const result = await runReminderPass({
      prisma: db.prisma,
      today: clock.today(),
      deadlineDay: env.REPORT_DEADLINE_DAY,
      mailer,
      onMailError: (err, userId) => log.error({ err, userId }, "reminder e-mail not sent"),
    });
    log.info({ ...result, mail: mailer ? "smtp" : "none" }, "reminder pass");
  };
  if (db.kind === "postgres" && env.DATABASE_URL) {
    const boss = new PgBoss({ connectionString: env.DATABASE_URL });
    boss.on("error", (err) => log.error({ err }, "pg-boss"));
    await boss.start();
    await boss.createQueue(REMINDER_QUEUE);
    // a tick missed while every process was down runs once when one is back
    await boss.schedule(REMINDER_QUEUE, env.REMINDER_CRON, null, { tz: env.TIME_ZONE, missed: "once" });
    await boss.work(REMINDER_QUEUE, { pollingIntervalSeconds: 1 }, pass);
    return {
      trigger: async () => {
        await boss.send(REMINDER_QUEUE, null);
      },
      stop: async () => {
        await boss.stop({ graceful: true });
        mailer?.close();
      },
    };
  }
  // one pass at a time; stopping waits for the one running (the database closes right after)
  let running: Promise<void> = Promise.resolve();
  const check = () => {
    running = running.then(() => pass().catch((err: unknown) => log.error({ err }, "reminder pass failed")));
    return running;
  };
  const timer = setInterval(check, EMBEDDED_CHECK_MS);
  timer.unref();
  void check();
  return {
    trigger: check,
    stop: async () => {
      clearInterval(timer);
      await running;
      mailer?.close();
    },
  };
}
