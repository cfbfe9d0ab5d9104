import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientFor, signIn, startTestApp, type TestContext } from "../helper";

const WANG = "50450000";

/** POST /api/v1/notifications/reminder-pass: an admin runs today's pass now; once-only like the schedule's. */
describe("reminder pass on demand", () => {
  let ctx: TestContext & { close(): Promise<void> };
  const as = async (c: TestContext, username: string) => {
    const headers = await signIn(c.app, username);
    return clientFor(c.app, () => headers);
  };

  beforeAll(async () => {
    // the day after the deadline (the 5th): the head of a unit behind, and the executives' summary
    ctx = await startTestApp({ reference: false, env: { APP_TODAY: "2026-11-06" } });
    const admin = await as(ctx, "admin");
    const codes: string[] = [];
    for (const name of ["โครงการปรับปรุงสวนสาธารณะ", "โครงการลอกท่อระบายน้ำ"]) {
      const res = await admin("POST", "/api/v1/projects", { unitCode: WANG, fiscalYear: 2570, name });
      expect(res.statusCode, res.body).toBe(201);
      codes.push(res.json().code);
    }
    const res = await admin("POST", `/api/v1/projects/${codes[0]}/reports`, { reportDate: "2026-10-20", percent: 30 });
    expect(res.statusCode, res.body).toBe(201);
  }, 300_000);

  afterAll(async () => {
    await ctx?.close();
  });

  it("only an admin may run it", async () => {
    for (const username of ["officer.wangthonglang", "head.wangthonglang", "executive"]) {
      const res = await (await as(ctx, username))("POST", "/api/v1/notifications/reminder-pass");
      expect(res.statusCode, username).toBe(403);
    }
    expect(await ctx.db.prisma.notification.count()).toBe(0);
  });

  it("writes today's reminders once, however often it runs", async () => {
    const admin = await as(ctx, "admin");
    const first = await admin("POST", "/api/v1/notifications/reminder-pass");
    expect(first.statusCode, first.body).toBe(200);
    // no SMTP server: in-app only
    expect(first.json()).toEqual({ due: 2, created: 2, mailed: 0 });
    const again = await admin("POST", "/api/v1/notifications/reminder-pass");
    expect(again.json()).toEqual({ due: 2, created: 0, mailed: 0 });

    const head = (await (await as(ctx, "head.wangthonglang"))("GET", "/api/v1/notifications")).json();
    expect(head.unread).toBe(1);
    expect(head.items).toEqual([
      expect.objectContaining({
        kind: "headAfterDeadline",
        subject: expect.stringMatching(/^เลยกำหนด: .+ ยังรายงานผลประจำเดือนตุลาคม 2569 ไม่ครบ$/),
        emailedAt: null,
      }),
    ]);
    const executive = (await (await as(ctx, "executive"))("GET", "/api/v1/notifications")).json();
    expect(executive.items.map((n: { kind: string }) => n.kind)).toEqual(["executiveSummary"]);
    // the officer's reminder is before the deadline only
    const officer = (await (await as(ctx, "officer.wangthonglang"))("GET", "/api/v1/notifications")).json();
    expect(officer.unread).toBe(0);
  });

  it("is refused with 409 when the server's reminders are off, and writes nothing", async () => {
    const off = await startTestApp({ reference: false, env: { APP_TODAY: "2026-11-06", REMINDERS: "false" } });
    try {
      const res = await (await as(off, "admin"))("POST", "/api/v1/notifications/reminder-pass");
      expect(res.statusCode).toBe(409);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().message).toEqual({
        th: "เซิร์ฟเวอร์นี้ปิดการแจ้งเตือนไว้ (REMINDERS=false)",
        en: "Reminders are turned off on this server (REMINDERS=false)",
      });
      expect(await off.db.prisma.notification.count()).toBe(0);
    } finally {
      await off.close();
    }
  }, 300_000);
});
