import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app";
import { type Database, openDatabase } from "../../src/db/database";
import { loadEnv } from "../../src/env";
import { createMailer } from "../../src/notifications/mailer";
import { runReminderPass } from "../../src/notifications/reminder-pass";
import { startReminderSchedule } from "../../src/notifications/reminder-schedule";
import { clientFor, signIn, startTestApp, type TestContext } from "../helper";
import { type ReceivedMail, startSmtpInbox } from "./smtp-inbox";

const WANG = "50450000";
const FINANCE = "14000000";

describe("reminders: in-app notifications and e-mail", () => {
  let ctx: TestContext & { close(): Promise<void> };
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
  let wangName: string;
  let wangNameEn: string | null;
  const env = () => loadEnv({ SMTP_URL: inbox.url, MAIL_FROM: "ระบบติดตามโครงการ <cpm@example.test>" });
  const pass = (db: Database, today: string) =>
    runReminderPass({ prisma: db.prisma, today, deadlineDay: 5, mailer: createMailer(env()) });
  const as = async (username: string) => {
    const headers = await signIn(ctx.app, username);
    return clientFor(ctx.app, () => headers);
  };
  const mailsTo = (address: string): ReceivedMail[] => inbox.mails.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    ctx = await startTestApp({ reference: false });
    const admin = await as("admin");
    // October 2026 (FY 2570): the district has one of its two projects reported, the finance office all
    const projects: string[] = [];
    for (const [unitCode, name] of [
      [WANG, "โครงการปรับปรุงสวนสาธารณะ"],
      [WANG, "โครงการลอกท่อระบายน้ำ"],
      [FINANCE, "โครงการจัดเก็บภาษี"],
    ] as const) {
      const res = await admin("POST", "/api/v1/projects", { unitCode, fiscalYear: 2570, name });
      expect(res.statusCode, res.body).toBe(201);
      projects.push(res.json().code);
    }
    for (const code of [projects[0], projects[2]]) {
      const res = await admin("POST", `/api/v1/projects/${code}/reports`, { reportDate: "2026-10-20", percent: 30 });
      expect(res.statusCode, res.body).toBe(201);
    }
    const settings: [string, object][] = [
      ["officer.wangthonglang", { email: "officer@example.test" }],
      ["head.wangthonglang", { email: "head@example.test", language: "en" }],
      ["officer.finance", { email: "finance@example.test" }],
      ["executive", { email: "executive@example.test", emailReminders: false }],
    ];
    for (const [username, patch] of settings) {
      const res = await (await as(username))("PATCH", "/api/v1/notifications/settings", patch);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject(patch);
    }
    const wang = await ctx.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: WANG } });
    wangName = wang.name;
    wangNameEn = wang.nameEn;
  }, 300_000);

  afterAll(async () => {
    await ctx?.close();
    await inbox?.close();
  });

  it("before the deadline mails the officers of a unit behind, in Thai, once however often the pass runs", async () => {
    expect(await pass(ctx.db, "2026-11-02")).toMatchObject({ due: 0, created: 0 });
    expect(await pass(ctx.db, "2026-11-03")).toEqual({ due: 1, created: 1, mailed: 1 });
    expect(await pass(ctx.db, "2026-11-04")).toEqual({ due: 1, created: 0, mailed: 0 });
    const [mail, ...more] = mailsTo("officer@example.test");
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`เตือน: รายงานผลประจำเดือนตุลาคม 2569 ของ${wangName} ครบกำหนด 5 พฤศจิกายน 2569`);
    expect(mail?.text).toBe(
      `${wangName} ยังไม่ได้รายงานผล 1 จาก 2 โครงการ ของเดือนตุลาคม 2569 กรุณารายงานภายใน 5 พฤศจิกายน 2569`,
    );
    // a unit that reported everything is not reminded
    expect(mailsTo("finance@example.test")).toEqual([]);

    const officer = await as("officer.wangthonglang");
    const list = (await officer("GET", "/api/v1/notifications")).json();
    expect(list.unread).toBe(1);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ kind: "officerBeforeDeadline", subject: mail?.subject, body: mail?.text });
    expect(list.items[0].emailedAt).not.toBeNull();
    // another user cannot mark it read; its owner can
    const other = await (await as("officer.finance"))("POST", `/api/v1/notifications/${list.items[0].id}/read`);
    expect(other.statusCode).toBe(404);
    expect((await officer("POST", `/api/v1/notifications/${list.items[0].id}/read`)).statusCode).toBe(204);
    const after = (await officer("GET", "/api/v1/notifications")).json();
    expect(after.unread).toBe(0);
    expect(after.items[0].readAt).not.toBeNull();
  });

  it("after the deadline reminds the head (in English, as the head chose) and gives the executive the summary in-app only (opted out)", async () => {
    // one project late (as its kept figures say) for the summary's count
    await ctx.db.prisma.$executeRaw`UPDATE project_figures SET schedule_status = 'late' WHERE project_id = (
      SELECT id FROM project WHERE name = 'โครงการลอกท่อระบายน้ำ')`;
    const result = await pass(ctx.db, "2026-11-06");
    expect(result).toEqual({ due: 2, created: 2, mailed: 1 });
    const [headMail, ...more] = mailsTo("head@example.test");
    expect(more).toEqual([]);
    // the unit's English name in English
    expect(wangNameEn).toBeTruthy();
    expect(headMail?.subject).toBe(`Overdue: ${wangNameEn}'s reports for October 2026 are incomplete`);
    expect(mailsTo("executive@example.test")).toEqual([]);
    const summary = (await (await as("executive"))("GET", "/api/v1/notifications")).json();
    expect(summary.items).toEqual([
      expect.objectContaining({
        kind: "executiveSummary",
        subject: "สรุปการรายงานผลประจำเดือนตุลาคม 2569: ครบถ้วนร้อยละ 66.7",
        body:
          "เดือนตุลาคม 2569 รายงานแล้ว 2 จาก 3 โครงการ (ร้อยละ 66.7); หน่วยงานที่ยังรายงานไม่ครบ 1 จาก 2 หน่วยงาน; " +
          "โครงการล่าช้ากว่าแผน 1 โครงการ; ตัวชี้วัดที่เสี่ยงไม่บรรลุเป้าหมาย 0 ตัว",
        emailedAt: null,
      }),
    ]);
    // the next day: the head's reminder is not repeated, the summary is only on the day after the deadline
    expect(await pass(ctx.db, "2026-11-07")).toEqual({ due: 1, created: 0, mailed: 0 });
    expect(inbox.mails).toHaveLength(2);
  });

  it("settings: only the user's own, a bad address refused naming the field, signed-in users only", async () => {
    const officer = await as("officer.wangthonglang");
    const bad = await officer("PATCH", "/api/v1/notifications/settings", { email: "not an address" });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("email");
    const settings = (await officer("GET", "/api/v1/notifications/settings")).json();
    expect(settings).toEqual({ email: "officer@example.test", language: "th", emailReminders: true });
    const anonymous = await ctx.app.inject({ method: "GET", url: "/api/v1/notifications" });
    expect(anonymous.statusCode).toBe(401);
  });

  /** A second connection to the test's PostgreSQL database, as another API process has. */
  const testDatabaseUrl = async () => {
    const [current] = await ctx.db.prisma.$queryRaw<{ name: string }[]>`SELECT current_database()::text AS name`;
    return Object.assign(new URL(process.env.TEST_DATABASE_URL as string), {
      pathname: `/${current?.name}`,
    }).toString();
  };
  const secondDatabase = async () => openDatabase({ databaseUrl: await testDatabaseUrl(), dataDir: "/nonexistent" });
  const waitFor = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 300 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
  };
  const silent = { info: () => {}, error: (obj: object) => console.error(obj) };

  it("the schedule inside the server (pg-boss on PostgreSQL, an in-process check on PGlite), started in every process and triggered at once, sends each reminder once", async () => {
    await ctx.db.prisma.notification.deleteMany({});
    await ctx.db.prisma.user.updateMany({ where: { username: "executive" }, data: { emailReminders: true } });
    inbox.mails.length = 0;
    const postgres = Boolean(process.env.TEST_DATABASE_URL);
    const second = postgres ? await secondDatabase() : null;
    const scheduleEnv = loadEnv({
      ...(postgres ? { DATABASE_URL: await testDatabaseUrl() } : {}),
      SMTP_URL: inbox.url,
      APP_TODAY: "2026-11-06",
      REPORT_DEADLINE_DAY: "5",
    });
    const databases = second ? [ctx.db, second] : [ctx.db, ctx.db];
    const schedules = [];
    for (const db of databases) schedules.push(await startReminderSchedule(scheduleEnv, db, silent));
    try {
      await Promise.all(schedules.flatMap((s) => [s.trigger(), s.trigger()]));
      await waitFor(async () => inbox.mails.length >= 2);
      await new Promise((r) => setTimeout(r, 2_000));
      expect(inbox.mails.map((m) => m.to.join()).sort()).toEqual(["executive@example.test", "head@example.test"]);
      expect(await ctx.db.prisma.notification.count()).toBe(2);
    } finally {
      for (const s of schedules) await s.stop();
      await second?.close();
    }
  }, 120_000);

  it("an SMTP server that cannot be reached leaves the notification in-app, reported and not mailed later", async () => {
    await ctx.db.prisma.notification.deleteMany({});
    inbox.mails.length = 0;
    const failures: number[] = [];
    const unreachable = createMailer(loadEnv({ SMTP_URL: "smtp://127.0.0.1:1" }));
    const result = await runReminderPass({
      prisma: ctx.db.prisma,
      today: "2026-11-06",
      deadlineDay: 5,
      mailer: unreachable,
      onMailError: (_error, userId) => failures.push(userId),
    });
    expect(result).toEqual({ due: 2, created: 2, mailed: 0 });
    expect(failures).toHaveLength(2);
    const rows = await ctx.db.prisma.notification.findMany();
    expect(rows.map((r) => r.emailedAt)).toEqual([null, null]);
    // a later pass with a working server does not send them again (the key is written)
    expect(await pass(ctx.db, "2026-11-06")).toEqual({ due: 2, created: 0, mailed: 0 });
    expect(inbox.mails).toEqual([]);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    "two app instances on one PostgreSQL database running the pass at once send each reminder once",
    async () => {
      const second = await secondDatabase();
      const secondApp = await buildApp({ env: env(), db: second, logger: false });
      await secondApp.ready();
      try {
        await ctx.db.prisma.notification.deleteMany({});
        inbox.mails.length = 0;
        // the day after the deadline: the head's reminder and the executive's summary; executive mails now
        await ctx.db.prisma.user.updateMany({ where: { username: "executive" }, data: { emailReminders: true } });
        const results = await Promise.all([ctx.db, second, ctx.db, second].map((db) => pass(db, "2026-11-06")));
        expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(2);
        expect(results.reduce((sum, r) => sum + r.mailed, 0)).toBe(2);
        expect(inbox.mails.map((m) => m.to.join()).sort()).toEqual(["executive@example.test", "head@example.test"]);
        expect(await ctx.db.prisma.notification.count()).toBe(2);
        const seen = (await secondApp.inject({ method: "GET", url: "/api/v1/notifications" })).statusCode;
        expect(seen).toBe(401);
      } finally {
        await secondApp.close();
        await second.close();
      }
    },
    120_000,
  );
});
