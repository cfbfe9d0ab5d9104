import type { PlanVersions, ProjectDetail } from "@cpm/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { clientFor, signIn, useTestApp } from "../helper";

const approved = [
  { name: "ออกแบบ", weight: 40, plannedStart: "2026-10-01", plannedEnd: "2026-11-30" },
  { name: "ก่อสร้าง", weight: 60, plannedStart: "2026-12-01", plannedEnd: "2027-03-31" },
];
const changed = [
  { name: "ออกแบบ", weight: 30, plannedStart: "2026-10-01", plannedEnd: "2026-12-31" },
  { name: "ก่อสร้าง", weight: 50, plannedStart: "2026-12-01", plannedEnd: "2027-03-31" },
  { name: "ส่งมอบ", weight: 20, plannedStart: "2027-04-01", plannedEnd: "2027-04-30" },
];

describe("plan baselines: the plan in force at the fiscal year's start, kept against later changes", () => {
  const ctx = useTestApp();
  let officer: Record<string, string> = {};
  const inject = (...args: Parameters<ReturnType<typeof clientFor>>) => clientFor(ctx.app, () => officer)(...args);
  let code = "";

  beforeAll(async () => {
    officer = await signIn(ctx.app, "officer.wangthonglang");
    const created = await inject("POST", "/api/v1/projects", {
      unitCode: "50450000",
      fiscalYear: 2570,
      name: "โครงการทดสอบแผนฐาน",
    });
    expect(created.statusCode, created.body).toBe(201);
    code = created.json<ProjectDetail>().code;
    expect((await inject("PUT", `/api/v1/projects/${code}/plan`, { steps: approved })).statusCode).toBe(200);
    // the plan was approved the day before the fiscal year began
    await ctx.db.prisma.auditEvent.updateMany({
      where: { action: "plan.replace", entityKey: code },
      data: { at: new Date("2026-09-30T03:00:00Z") },
    });
  });

  const versions = async () => {
    const res = await ctx.app.inject({ method: "GET", url: `/api/v1/projects/${code}/plan-versions` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PlanVersions>();
  };

  it("has one version, the baseline, until the plan changes", async () => {
    const answer = await versions();
    expect(answer.versions).toHaveLength(1);
    expect(answer).toMatchObject({ baselineNumber: 1, currentNumber: 1, difference: [] });
    expect(answer.versions[0]).toMatchObject({ day: "2026-09-30", steps: approved });
  });

  it("keeps the baseline when the plan changes, with who and why, and shows the difference and both curves", async () => {
    const res = await inject("PUT", `/api/v1/projects/${code}/plan`, {
      steps: changed,
      reason: "งบประมาณถูกปรับลด ต้องเพิ่มขั้นตอนส่งมอบ",
    });
    expect(res.statusCode, res.body).toBe(200);
    const answer = await versions();
    expect(answer.versions.map((v) => [v.number, v.by.includes("officer.wangthonglang"), v.reason])).toEqual([
      [1, true, null],
      [2, true, "งบประมาณถูกปรับลด ต้องเพิ่มขั้นตอนส่งมอบ"],
    ]);
    expect(answer.versions[1]?.steps).toEqual(changed);
    expect(answer).toMatchObject({ baselineNumber: 1, currentNumber: 2 });
    expect(answer.difference).toEqual([
      {
        kind: "changed",
        name: "ออกแบบ",
        fields: [
          { field: "weight", from: 40, to: 30 },
          { field: "plannedEnd", from: "2026-11-30", to: "2026-12-31" },
        ],
      },
      { kind: "changed", name: "ก่อสร้าง", fields: [{ field: "weight", from: 60, to: 50 }] },
      { kind: "added", name: "ส่งมอบ", weight: 20 },
    ]);
    const at = (monthEnd: string) => answer.curves.find((c) => c.monthEnd === monthEnd);
    // by the end of November the baseline's design (40) is done; by March its whole plan, the current one's 80
    expect(at("2026-11-30")?.baseline).toBe(40);
    expect(at("2027-03-31")).toMatchObject({ baseline: 100, current: 80 });
    expect(at("2027-04-30")).toMatchObject({ baseline: 100, current: 100 });
    expect(answer.curves).toHaveLength(12);
  });

  it("answers 404 for an unknown project", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/projects/50450000-99999/plan-versions" });
    expect(res.statusCode).toBe(404);
  });
});
