import type { ProjectActions, ProjectDetail, ReportingMonth } from "@cpm/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { clientFor, signIn, useTestApp } from "../helper";

const UNIT = "50450000";
const MONTH = "2026-11";
const URL = `/api/v1/units/${UNIT}/months/${MONTH}`;

describe("the monthly reporting cycle: open → submitted → approved, or returned; reopened with a reason", () => {
  const ctx = useTestApp();
  const users = ["officer.wangthonglang", "head.wangthonglang", "officer.finance", "evaluator", "executive"] as const;
  const headers: Record<string, Record<string, string>> = {};
  const as = (user: (typeof users)[number] | "anonymous") => clientFor(ctx.app, () => headers[user] ?? {});
  let project: ProjectDetail;
  let novemberReport: number;
  let projectId: number;

  beforeAll(async () => {
    for (const user of users) headers[user] = await signIn(ctx.app, user);
    const created = await as("officer.wangthonglang")("POST", "/api/v1/projects", {
      unitCode: UNIT,
      fiscalYear: 2570,
      name: "โครงการทดสอบรอบรายงานประจำเดือน",
    });
    expect(created.statusCode, created.body).toBe(201);
    project = created.json();
    projectId = (await ctx.db.prisma.project.findUniqueOrThrow({ where: { code: project.code } })).id;
    const report = await as("officer.wangthonglang")("POST", `/api/v1/projects/${project.code}/reports`, {
      reportDate: "2026-11-10",
      percent: 10,
    });
    expect(report.statusCode, report.body).toBe(201);
    novemberReport = report.json().id;
  });

  const month = async (user: (typeof users)[number] | "anonymous") => {
    const res = await as(user)("GET", URL);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ReportingMonth>();
  };
  const move = (user: (typeof users)[number], transition: string, comment?: string) =>
    as(user)("POST", `${URL}/${transition}`, comment === undefined ? undefined : { comment });
  const addReport = (reportDate: string, percent: number) =>
    as("officer.wangthonglang")("POST", `/api/v1/projects/${project.code}/reports`, { reportDate, percent });
  const reportCount = () => ctx.db.prisma.progressReport.count({ where: { projectId: projectId } });
  const actions = async (user: (typeof users)[number]) =>
    (await as(user)("GET", `/api/v1/projects/${project.code}/actions?month=${MONTH}`)).json<ProjectActions>();

  it("starts open: officers may edit and submit, the head may submit, no one may approve yet", async () => {
    expect(await month("officer.wangthonglang")).toMatchObject({
      state: "open",
      locked: false,
      actions: { mayEdit: true, maySubmit: true, mayApprove: false, mayReturn: false, mayReopen: false },
    });
    expect((await month("head.wangthonglang")).actions).toMatchObject({ maySubmit: true, mayApprove: false });
    for (const user of ["officer.finance", "evaluator", "executive", "anonymous"] as const) {
      expect(Object.values((await month(user)).actions), user).not.toContain(true);
    }
  });

  it("is submitted by the unit's officers only; then its reports are locked, other months' are not", async () => {
    for (const user of ["officer.finance", "evaluator", "executive"] as const) {
      const res = await move(user, "submit");
      expect(res.statusCode, `${user} ${res.body}`).toBe(403);
    }
    expect((await as("anonymous")("POST", `${URL}/submit`)).statusCode).toBe(401);
    expect((await month("officer.wangthonglang")).state).toBe("open");

    const submitted = await move("officer.wangthonglang", "submit");
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({
      state: "submitted",
      locked: true,
      submittedBy: expect.stringContaining("officer.wangthonglang"),
    });
    expect(submitted.json().actions).toMatchObject({ mayEdit: false, maySubmit: false });

    const before = await reportCount();
    const refused = await addReport("2026-11-20", 20);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0]).toMatchObject({ path: "reportDate", code: "monthLocked" });
    expect(await reportCount()).toBe(before);
    // October is another month
    expect((await addReport("2026-10-31", 5)).statusCode).toBe(201);

    expect((await move("officer.wangthonglang", "submit")).statusCode).toBe(409);
  });

  it("tells each user which actions they may take on the project", async () => {
    expect(await actions("officer.wangthonglang")).toMatchObject({
      mayEdit: true,
      mayReport: false,
      maySubmit: false,
      mayApprove: false,
      mayEvaluate: false,
      monthState: "submitted",
    });
    expect(await actions("head.wangthonglang")).toMatchObject({ mayApprove: true, mayReport: false });
    expect(await actions("evaluator")).toMatchObject({ mayEvaluate: true, mayEdit: false, mayApprove: false });
    expect(await actions("executive")).toMatchObject({ mayEdit: false, mayApprove: false, mayEvaluate: false });
  });

  it("is returned only by the head, with a comment; then the officers may report again", async () => {
    expect((await move("officer.wangthonglang", "return", "แก้ไข")).statusCode).toBe(403);
    const noComment = await move("head.wangthonglang", "return");
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().errors[0]).toMatchObject({ path: "comment" });
    const returned = await move("head.wangthonglang", "return", "กรุณาระบุปัญหาอุปสรรคของเดือนนี้");
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ state: "returned", locked: false, comment: "กรุณาระบุปัญหาอุปสรรคของเดือนนี้" });
    expect((await month("officer.wangthonglang")).actions).toMatchObject({ mayEdit: true, maySubmit: true });
    expect((await addReport("2026-11-21", 15)).statusCode).toBe(201);
  });

  it("is approved only by the head once submitted; an approved month refuses corrections and withdrawals", async () => {
    expect((await move("head.wangthonglang", "approve")).statusCode).toBe(409);
    expect((await move("officer.wangthonglang", "submit")).statusCode).toBe(200);
    expect((await move("officer.wangthonglang", "approve")).statusCode).toBe(403);
    const approved = await move("head.wangthonglang", "approve");
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      state: "approved",
      locked: true,
      decidedBy: expect.stringContaining("head.wangthonglang"),
    });

    const url = `/api/v1/projects/${project.code}/reports/${novemberReport}`;
    expect((await as("officer.wangthonglang")("PATCH", url, { percent: 12 })).statusCode).toBe(409);
    expect((await as("officer.wangthonglang")("DELETE", url)).statusCode).toBe(409);
    // moving an October report into the approved month is refused too
    const october = await ctx.db.prisma.progressReport.findFirstOrThrow({
      where: { projectId: projectId, reportDate: new Date("2026-10-31") },
    });
    const moved = await as("officer.wangthonglang")("PATCH", `/api/v1/projects/${project.code}/reports/${october.id}`, {
      reportDate: "2026-11-05",
    });
    expect(moved.statusCode).toBe(409);
    const report = await ctx.db.prisma.progressReport.findUniqueOrThrow({ where: { id: novemberReport } });
    expect([Number(report.percent), report.deletedAt]).toEqual([10, null]);
  });

  it("keeps the lock in the database whatever writes: a direct insert into an approved month fails", async () => {
    await expect(
      ctx.db.prisma.progressReport.create({
        data: { projectId: projectId, reportDate: new Date("2026-11-25"), percent: 30 },
      }),
    ).rejects.toThrow(/locked/);
  });

  it("is reopened only by the head, with a reason; the history says who did what, from which state to which", async () => {
    expect((await move("officer.wangthonglang", "reopen", "แก้ตัวเลข")).statusCode).toBe(403);
    expect((await move("head.wangthonglang", "reopen")).statusCode).toBe(400);
    const reopened = await move("head.wangthonglang", "reopen", "แก้ร้อยละที่รายงานผิด");
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ state: "open", locked: false, comment: "แก้ร้อยละที่รายงานผิด" });
    const url = `/api/v1/projects/${project.code}/reports/${novemberReport}`;
    expect((await as("officer.wangthonglang")("PATCH", url, { percent: 12 })).statusCode).toBe(200);

    const trail = await ctx.db.prisma.auditEvent.findMany({
      where: { entityType: "reportingMonth", entityKey: `${UNIT}/${MONTH}` },
      orderBy: { id: "asc" },
    });
    expect(trail.map((e) => [e.action, e.actorLabel.replace(/.*\((.*)\)/, "$1"), e.before, e.after])).toEqual([
      ["month.submit", "officer.wangthonglang", { state: "open", comment: "" }, { state: "submitted", comment: "" }],
      [
        "month.return",
        "head.wangthonglang",
        { state: "submitted", comment: "" },
        { state: "returned", comment: "กรุณาระบุปัญหาอุปสรรคของเดือนนี้" },
      ],
      [
        "month.submit",
        "officer.wangthonglang",
        { state: "returned", comment: "กรุณาระบุปัญหาอุปสรรคของเดือนนี้" },
        { state: "submitted", comment: "" },
      ],
      ["month.approve", "head.wangthonglang", { state: "submitted", comment: "" }, { state: "approved", comment: "" }],
      [
        "month.reopen",
        "head.wangthonglang",
        { state: "approved", comment: "" },
        { state: "open", comment: "แก้ร้อยละที่รายงานผิด" },
      ],
    ]);
  });

  it("lists the fiscal year's twelve months, October first", async () => {
    const res = await as("officer.wangthonglang")("GET", `/api/v1/units/${UNIT}/months?fiscalYear=2570`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<ReportingMonth[]>();
    expect(list.map((m) => m.month)).toEqual([
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
      "2027-03",
      "2027-04",
      "2027-05",
      "2027-06",
      "2027-07",
      "2027-08",
      "2027-09",
    ]);
    expect(list[1]).toMatchObject({ state: "open", version: 5 });
  });
});
