import type { AuditEvent, Dashboard, ProjectDetail, SpendingHistory } from "@cpm/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { clientFor, signIn, useTestApp } from "../helper";

/**
 * The spending a monthly report came with (งบฯ ที่ใช้ไป ณ วันที่รายงาน) follows the report: a
 * correction sets, lowers or clears it and moves it with the report's date; withdrawing the report
 * takes it away, while an amount recorded on its own for the same day stays. Today is 2026-11-25
 * (FY 2570); the database holds no other project of FY 2570, so the dashboard's budget spent as of
 * a day is this file's projects' amounts.
 */
describe("a report's spending when the report is corrected or withdrawn", () => {
  const ctx = useTestApp();
  let admin: Record<string, string> = {};
  const inject = (...args: Parameters<ReturnType<typeof clientFor>>) => clientFor(ctx.app, () => admin)(...args);
  const get = async <T>(url: string): Promise<T> => {
    const res = await inject("GET", url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json<T>();
  };
  const spendingOf = (code: string) => get<SpendingHistory>(`/api/v1/projects/${code}/spending`);
  const spentOn = async (asOf: string) =>
    (await get<Dashboard>(`/api/v1/dashboard?fiscalYear=2570&asOf=${asOf}`)).totals.budgetSpent;

  const project = async (name: string, budgetAllocated: number) => {
    const res = await inject("POST", "/api/v1/projects", {
      unitCode: "50450000",
      fiscalYear: 2570,
      name,
      budgetAllocated,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ProjectDetail>().code;
  };
  const report = async (code: string, body: Record<string, unknown>) => {
    const res = await inject("POST", `/api/v1/projects/${code}/reports`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number }>().id;
  };
  const correct = async (code: string, id: number, patch: Record<string, unknown>) => {
    const res = await inject("PATCH", `/api/v1/projects/${code}/reports/${id}`, patch);
    expect(res.statusCode, res.body).toBe(200);
  };
  const withdraw = async (code: string, id: number) => {
    const res = await inject("DELETE", `/api/v1/projects/${code}/reports/${id}`);
    expect(res.statusCode, res.body).toBe(204);
  };
  const history = async (code: string) =>
    (await get<{ items: AuditEvent[] }>(`/api/v1/projects/${code}/history`)).items;

  beforeAll(async () => {
    admin = await signIn(ctx.app, "admin");
  });

  it("a correction lowers the report's spending: the history, the project and the dashboard follow, from → to", async () => {
    const code = await project("โครงการแก้ไขงบที่ใช้ไปกับรายงาน", 1_000_000);
    await report(code, { reportDate: "2026-10-15", percent: 20, budgetSpent: 100_000 });
    const id = await report(code, { reportDate: "2026-11-20", percent: 50, budgetSpent: 400_000 });
    expect(await spentOn("2026-11-25")).toBe(400_000);

    await correct(code, id, { percent: 45, budgetSpent: 250_000.5, reason: "ตัวเลขเบิกจ่ายผิด" });
    expect(await spendingOf(code)).toEqual({
      budgetSpent: 250_000.5,
      budgetSpentAsOf: "2026-11-20",
      items: [
        { spentAsOf: "2026-11-20", amount: 250_000.5 },
        { spentAsOf: "2026-10-15", amount: 100_000 },
      ],
    });
    expect((await get<ProjectDetail>(`/api/v1/projects/${code}`)).budgetSpent).toBe(250_000.5);
    expect(await spentOn("2026-11-25")).toBe(250_000.5);
    expect(await spentOn("2026-10-31")).toBe(100_000);
    const events = await history(code);
    const update = events.find((e) => e.action === "report.update");
    expect(update?.before).toMatchObject({ percent: 50, budgetSpent: 400_000 });
    expect(update?.after).toMatchObject({ percent: 45, budgetSpent: 250_000.5, reason: "ตัวเลขเบิกจ่ายผิด" });

    // over the allocation: refused, naming the field, changing nothing
    const before = await spendingOf(code);
    const over = await inject("PATCH", `/api/v1/projects/${code}/reports/${id}`, {
      percent: 60,
      budgetSpent: 2_000_000,
    });
    expect(over.statusCode, over.body).toBe(400);
    expect(over.json().errors[0]).toMatchObject({ path: "budgetSpent", code: "spentOverAllocated" });
    expect(await spendingOf(code)).toEqual(before);
    const detail = await get<ProjectDetail>(`/api/v1/projects/${code}`);
    expect(detail.reports.find((r) => r.id === id)?.percent).toBe(45);

    // the same amount again is no write: the version stays
    const same = await inject("PATCH", `/api/v1/projects/${code}/reports/${id}`, { budgetSpent: 250_000.5 });
    expect(same.statusCode, same.body).toBe(200);
    expect((await get<ProjectDetail>(`/api/v1/projects/${code}`)).version).toBe(detail.version);
  });

  it("a correction moving the report's date moves its spending; null takes it away", async () => {
    const code = await project("โครงการย้ายวันที่รายงานพร้อมงบ", 1_000_000);
    const october = await report(code, { reportDate: "2026-10-15", percent: 20, budgetSpent: 100_000 });
    const november = await report(code, { reportDate: "2026-11-20", percent: 40, budgetSpent: 300_000 });
    const base = await spentOn("2026-10-31");

    await correct(code, november, { reportDate: "2026-10-25" });
    expect((await spendingOf(code)).items).toEqual([
      { spentAsOf: "2026-10-25", amount: 300_000 },
      { spentAsOf: "2026-10-15", amount: 100_000 },
    ]);
    // October's month end (kept) now counts the moved amount
    expect(await spentOn("2026-10-31")).toBe(base + 200_000);

    await correct(code, november, { reportDate: "2026-11-01", budgetSpent: 280_000 });
    expect((await spendingOf(code)).items).toEqual([
      { spentAsOf: "2026-11-01", amount: 280_000 },
      { spentAsOf: "2026-10-15", amount: 100_000 },
    ]);
    expect(await spentOn("2026-10-31")).toBe(base);

    await correct(code, november, { budgetSpent: null, reason: "ยังไม่มีตัวเลขเบิกจ่าย" });
    expect(await spendingOf(code)).toEqual({
      budgetSpent: 100_000,
      budgetSpentAsOf: "2026-10-15",
      items: [{ spentAsOf: "2026-10-15", amount: 100_000 }],
    });
    const cleared = (await history(code)).find((e) => e.action === "report.update");
    expect(cleared?.before).toMatchObject({ budgetSpent: 280_000 });
    expect(cleared?.after).toMatchObject({ budgetSpent: null });

    // a report without spending may be given some by a correction
    await correct(code, october, { budgetSpent: 90_000 });
    await correct(code, november, { budgetSpent: 150_000 });
    expect((await spendingOf(code)).items).toEqual([
      { spentAsOf: "2026-11-01", amount: 150_000 },
      { spentAsOf: "2026-10-15", amount: 90_000 },
    ]);
  });

  it("withdrawing a report takes its spending; an amount recorded on its own for the same day stays", async () => {
    const code = await project("โครงการถอนรายงานพร้อมงบ", 500_000);
    const own = await inject("POST", `/api/v1/projects/${code}/spending`, { spentAsOf: "2026-11-10", amount: 30_000 });
    expect(own.statusCode, own.body).toBe(201);
    const sameDay = await report(code, { reportDate: "2026-11-10", percent: 10, budgetSpent: 45_000 });
    const later = await report(code, { reportDate: "2026-11-20", percent: 30, budgetSpent: 60_000 });
    expect((await spendingOf(code)).budgetSpent).toBe(60_000);
    const before = await spentOn("2026-11-25");

    await withdraw(code, later);
    expect(await spendingOf(code)).toEqual({
      budgetSpent: 45_000,
      budgetSpentAsOf: "2026-11-10",
      items: [{ spentAsOf: "2026-11-10", amount: 45_000 }],
    });
    expect(await spentOn("2026-11-25")).toBe(before - 15_000);
    const deleted = (await history(code)).find((e) => e.action === "report.delete");
    expect(deleted?.before).toMatchObject({ percent: 30, budgetSpent: 60_000 });

    await withdraw(code, sameDay);
    expect(await spendingOf(code)).toEqual({
      budgetSpent: 30_000,
      budgetSpentAsOf: "2026-11-10",
      items: [{ spentAsOf: "2026-11-10", amount: 30_000 }],
    });
    expect((await get<ProjectDetail>(`/api/v1/projects/${code}`)).budgetSpent).toBe(30_000);
    expect(await spentOn("2026-11-25")).toBe(before - 30_000);
  });

  it("two reports of one day: withdrawing the later gives the day the earlier report's amount, not the own one", async () => {
    const code = await project("โครงการสองรายงานวันเดียวกัน", 500_000);
    const own = await inject("POST", `/api/v1/projects/${code}/spending`, { spentAsOf: "2026-11-15", amount: 10_000 });
    expect(own.statusCode, own.body).toBe(201);
    const first = await report(code, { reportDate: "2026-11-15", percent: 10, budgetSpent: 20_000 });
    const second = await report(code, { reportDate: "2026-11-15", percent: 15, budgetSpent: 35_000 });
    expect((await spendingOf(code)).items).toEqual([{ spentAsOf: "2026-11-15", amount: 35_000 }]);
    await withdraw(code, second);
    expect((await spendingOf(code)).items).toEqual([{ spentAsOf: "2026-11-15", amount: 20_000 }]);
    await withdraw(code, first);
    expect(await spendingOf(code)).toMatchObject({
      budgetSpent: 10_000,
      items: [{ spentAsOf: "2026-11-15", amount: 10_000 }],
    });
  });

  it("a report's spending recorded over on its own stays when the report goes; the last report's leaves none", async () => {
    const code = await project("โครงการงบบันทึกแยกทับรายงาน", 500_000);
    const id = await report(code, { reportDate: "2026-11-12", percent: 10, budgetSpent: 20_000 });
    const own = await inject("POST", `/api/v1/projects/${code}/spending`, { spentAsOf: "2026-11-12", amount: 25_000 });
    expect(own.statusCode, own.body).toBe(201);
    await withdraw(code, id);
    expect((await spendingOf(code)).items).toEqual([{ spentAsOf: "2026-11-12", amount: 25_000 }]);

    const only = await project("โครงการงบมาจากรายงานเดียว", 500_000);
    const single = await report(only, { reportDate: "2026-11-12", percent: 10, budgetSpent: 20_000 });
    await withdraw(only, single);
    expect(await spendingOf(only)).toEqual({ budgetSpent: null, budgetSpentAsOf: null, items: [] });
    expect((await get<ProjectDetail>(`/api/v1/projects/${only}`)).budgetSpent).toBeNull();
  });
});
