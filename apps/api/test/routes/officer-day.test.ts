import type { AuditEvent, PendingEvaluationPage, ProgressReport, ProjectDetail, Session } from "@cpm/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { clientFor, signIn, snapshotCounts, useTestApp } from "../helper";

const REF = "/api/v1/projects/50450000-3247";

describe("an officer's and an evaluator's day: writable units, work lists, corrections with reasons, ETags", () => {
  const ctx = useTestApp();
  const sessions: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    for (const name of ["admin", "officer.wangthonglang", "head.wangthonglang", "evaluator", "executive"]) {
      sessions[name] = await signIn(ctx.app, name);
    }
  });
  // the app starts in beforeAll: look it up at each call
  const as =
    (name: string) =>
    (...args: Parameters<ReturnType<typeof clientFor>>) =>
      clientFor(ctx.app, () => sessions[name] ?? {})(...args);
  const officer = as("officer.wangthonglang");
  const evaluator = as("evaluator");
  const anonymous = as("nobody");
  const history = async (code: string) =>
    (await as("admin")("GET", `/api/v1/projects/${code}/history`)).json<{ items: AuditEvent[] }>().items;

  it("tells each user which units' projects they may write", async () => {
    const mine = (await officer("GET", "/api/v1/auth/session")).json<Session>();
    expect(mine.writableUnitCodes).toContain("50450000");
    expect(mine.writableUnitCodes.every((code) => code.startsWith("5045"))).toBe(true);
    expect(mine.writableUnitCodes).not.toContain("14000000");
    expect((await evaluator("GET", "/api/v1/auth/session")).json<Session>().writableUnitCodes).toEqual([]);
    // a unit's head writes as its officers do
    const head = (await as("head.wangthonglang")("GET", "/api/v1/auth/session")).json<Session>();
    expect(new Set(head.writableUnitCodes)).toEqual(new Set(mine.writableUnitCodes));
    expect((await as("executive")("GET", "/api/v1/auth/session")).json<Session>().writableUnitCodes).toEqual([]);
    const admin = (await as("admin")("GET", "/api/v1/auth/session")).json<Session>();
    const units = (await as("admin")("GET", "/api/v1/units")).json<{ items: { code: string }[] }>().items;
    expect(new Set(admin.writableUnitCodes)).toEqual(new Set(units.map((u) => u.code)));
    // what the session offers is what the server accepts, and nothing else
    for (const code of mine.writableUnitCodes) {
      const res = await officer("POST", "/api/v1/projects", {
        unitCode: code,
        fiscalYear: 2570,
        name: `โครงการของ ${code}`,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(
      (await officer("POST", "/api/v1/projects", { unitCode: "14000000", fiscalYear: 2570, name: "ไม่ใช่ของฉัน" }))
        .statusCode,
    ).toBe(403);
  });

  it("offers the policies and the strategy's goals a project can be linked to", async () => {
    const res = await anonymous("GET", "/api/v1/project-choices");
    expect(res.statusCode).toBe(200);
    const choices = res.json();
    expect(choices.policies).toContainEqual({ code: "P145", name: "สร้างเครือข่ายภาคประชาสังคม" });
    const goal = choices.strategyGoals.find((g: { code: string }) => g.code === "1.1.1");
    expect(goal.path).toBe("มหานครปลอดภัย › มิติที่ 1.1 มหานครปลอดภัย › ลดความเสี่ยงจากภัยพิบัติและอาชญากรรม");
    const created = await officer("POST", "/api/v1/projects", {
      unitCode: "50450000",
      fiscalYear: 2570,
      name: "โครงการที่มีนโยบาย",
      strategyCode: goal.code,
      policyCodes: ["P145", "P001"],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(
      created
        .json<ProjectDetail>()
        .policies.map((p) => p.code)
        .sort(),
    ).toEqual(["P001", "P145"]);
  });

  it("lists the projects awaiting an evaluation for a quarter, and a scored project leaves the list", async () => {
    expect((await anonymous("GET", "/api/v1/evaluations/pending")).statusCode).toBe(401);
    const q1 = (
      await evaluator("GET", "/api/v1/evaluations/pending?fiscalYear=2564&quarter=1")
    ).json<PendingEvaluationPage>();
    expect(q1.items.map((p) => p.code)).not.toContain("50450000-3247"); // scored 100 for Q1 on the legacy page
    const q2 = (
      await evaluator("GET", "/api/v1/evaluations/pending?fiscalYear=2564&quarter=2")
    ).json<PendingEvaluationPage>();
    expect(q2).toMatchObject({ fiscalYear: 2564, quarter: 2 });
    expect(q2.items.find((p) => p.code === "50450000-3247")).toMatchObject({ unitCode: "50450000", progress: 100 });

    // default: today's fiscal year and quarter (2026-11-25: FY 2570, Q1)
    const created = (
      await officer("POST", "/api/v1/projects", { unitCode: "50450000", fiscalYear: 2570, name: "รอประเมิน" })
    ).json<ProjectDetail>();
    const before = (await evaluator("GET", "/api/v1/evaluations/pending?pageSize=200")).json<PendingEvaluationPage>();
    expect(before).toMatchObject({ fiscalYear: 2570, quarter: 1 });
    expect(before.items.map((p) => p.code)).toContain(created.code);
    const inUnit = (await evaluator("GET", "/api/v1/evaluations/pending?unit=14000000")).json<PendingEvaluationPage>();
    expect(inUnit.items.map((p) => p.code)).not.toContain(created.code);

    const scored = await evaluator("PUT", `/api/v1/projects/${created.code}/evaluations/1`, { score: 80 });
    expect(scored.statusCode, scored.body).toBe(200);
    const after = (await evaluator("GET", "/api/v1/evaluations/pending?pageSize=200")).json<PendingEvaluationPage>();
    expect(after.items.map((p) => p.code)).not.toContain(created.code);
    expect(after.total).toBe(before.total - 1);
    expect((await evaluator("GET", "/api/v1/evaluations/pending?unit=99999999")).statusCode).toBe(404);
  });

  it("keeps the reason of a correction, a drop and a withdrawal in the history", async () => {
    const project = (
      await officer("POST", "/api/v1/projects", { unitCode: "50450000", fiscalYear: 2570, name: "แก้ไขรายงาน" })
    ).json<ProjectDetail>();
    const url = `/api/v1/projects/${project.code}/reports`;
    const first = (await officer("POST", url, { reportDate: "2026-10-31", percent: 40 })).json<ProgressReport>();
    const drop = await officer("POST", url, { reportDate: "2026-11-20", percent: 30, reason: "นับงานซ้ำในเดือนก่อน" });
    expect(drop.statusCode, drop.body).toBe(201);
    expect(drop.json()).not.toHaveProperty("reason");

    const corrected = await officer("PATCH", `${url}/${first.id}`, { percent: 25, reason: "พิมพ์ตัวเลขผิด" });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ percent: 25 });
    expect(corrected.json()).not.toHaveProperty("reason");

    const withdrawn = await officer("DELETE", `${url}/${drop.json().id}`, { reason: "รายงานผิดโครงการ" });
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);

    const events = await history(project.code);
    const byAction = (action: string) => events.find((e) => e.action === action);
    expect(byAction("report.update")).toMatchObject({
      before: { percent: 40 },
      after: { percent: 25, reason: "พิมพ์ตัวเลขผิด" },
    });
    expect(byAction("report.delete")).toMatchObject({ before: { percent: 30 }, after: { reason: "รายงานผิดโครงการ" } });
    expect(
      events.find((e) => e.action === "report.create" && (e.after as { percent: number }).percent === 30)?.after,
    ).toMatchObject({ reason: "นับงานซ้ำในเดือนก่อน" });
    // without a body, a withdrawal still works and keeps no reason
    const again = (await officer("POST", url, { reportDate: "2026-11-21", percent: 50 })).json<ProgressReport>();
    expect((await officer("DELETE", `${url}/${again.id}`)).statusCode).toBe(204);
    const last = (await history(project.code)).find(
      (e) => e.action === "report.delete" && e.entityKey === String(again.id),
    );
    expect(last?.after ?? null).toBeNull();
  });

  it("refuses a reason longer than 2,000 characters and changes nothing", async () => {
    const report = (await officer("GET", REF)).json<ProjectDetail>().reports[0] as ProgressReport;
    const counts = await snapshotCounts(ctx.db);
    const res = await officer("PATCH", `${REF}/reports/${report.id}`, { percent: 99, reason: "ก".repeat(2001) });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe("reason");
    expect(await snapshotCounts(ctx.db)).toEqual(counts);
  });

  it("answers every write that changes a project's version with its new ETag", async () => {
    const project = (
      await officer("POST", "/api/v1/projects", { unitCode: "50450000", fiscalYear: 2570, name: "ETag" })
    ).json<ProjectDetail>();
    const url = `/api/v1/projects/${project.code}`;
    const etagNow = async () => (await officer("GET", url)).headers.etag as string;
    const version = (etag: string) => /"(\d+)/.exec(etag)?.[1];

    const added = await officer("POST", `${url}/reports`, { reportDate: "2026-11-01", percent: 10 });
    expect(version(added.headers.etag as string)).toBe(version(await etagNow()));
    // the ETag a write answered with is the one the next write may send
    const patched = await officer(
      "PATCH",
      `${url}/reports/${added.json().id}`,
      { percent: 12 },
      { "if-match": added.headers.etag as string },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(version(patched.headers.etag as string)).toBe(version(await etagNow()));
    const evaluated = await evaluator(
      "PUT",
      `${url}/evaluations/1`,
      { score: 70 },
      { "if-match": patched.headers.etag as string },
    );
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    expect(version(evaluated.headers.etag as string)).toBe(version(await etagNow()));
    const deleted = await officer("DELETE", `${url}/reports/${added.json().id}`, undefined, {
      "if-match": evaluated.headers.etag as string,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(version(deleted.headers.etag as string)).toBe(version(await etagNow()));
  });
});
