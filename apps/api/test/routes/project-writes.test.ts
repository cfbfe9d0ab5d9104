import type { ProjectDetail } from "@cpm/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { clientFor, signIn, snapshotCounts, useTestApp } from "../helper";

const REF = "/api/v1/projects/50450000-3247";

describe("writing projects, plans, reports and evaluations", () => {
  const ctx = useTestApp();
  let admin: Record<string, string> = {};
  beforeAll(async () => {
    admin = await signIn(ctx.app, "admin");
  });
  // as an admin, sending the current ETag as If-Match unless a test gives its own
  const inject = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: unknown, headers = {}) =>
    clientFor(ctx.app, () => admin)(method, url, payload, headers);

  const createProject = async (body: Record<string, unknown> = {}) => {
    const res = await inject("POST", "/api/v1/projects", {
      unitCode: "50450000",
      fiscalYear: 2570,
      name: "โครงการทดสอบการเขียนข้อมูล",
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ProjectDetail>();
  };

  describe("refused requests change nothing", () => {
    const cases: [string, string, string, unknown, string][] = [
      ["a report with percent 120", "POST", `${REF}/reports`, { reportDate: "2021-09-21", percent: 120 }, "percent"],
      [
        "a plan whose weights sum to 90",
        "PUT",
        `${REF}/plan`,
        {
          steps: [
            { name: "ก", weight: 40 },
            { name: "ข", weight: 50 },
          ],
        },
        "steps",
      ],
      ["a malformed date", "POST", `${REF}/reports`, { reportDate: "20/09/2564", percent: 50 }, "reportDate"],
      ["an impossible date", "POST", `${REF}/reports`, { reportDate: "2021-02-29", percent: 50 }, "reportDate"],
      ["a wrong type", "POST", `${REF}/reports`, { reportDate: "2021-09-21", percent: "fifty" }, "percent"],
      [
        "an unknown property",
        "POST",
        `${REF}/reports`,
        { reportDate: "2021-09-21", percent: 50, mood: "good" },
        "mood",
      ],
      [
        "three decimals",
        "PUT",
        `${REF}/plan`,
        {
          steps: [
            { name: "ก", weight: 99.999 },
            { name: "ข", weight: 0.001 },
          ],
        },
        "steps.0.weight",
      ],
      [
        "a step weight of a wrong type",
        "PUT",
        `${REF}/plan`,
        {
          steps: [
            { name: "ก", weight: 50 },
            { name: "ข", weight: "50" },
          ],
        },
        "steps.1.weight",
      ],
      ["an evaluation over 100", "PUT", `${REF}/evaluations/2`, { score: 101 }, "score"],
      ["a fifth quarter", "PUT", `${REF}/evaluations/5`, { score: 50 }, "params.quarter"],
      ["a blank project name", "PATCH", REF, { name: "   " }, "name"],
      [
        "a finish before the start",
        "PATCH",
        REF,
        { plannedStart: "2021-09-30", plannedFinish: "2020-10-01" },
        "plannedFinish",
      ],
      ["a report dated after today", "POST", `${REF}/reports`, { reportDate: "2026-12-01", percent: 50 }, "reportDate"],
      [
        "an unknown unit",
        "POST",
        "/api/v1/projects",
        { unitCode: "99999999", fiscalYear: 2570, name: "x" },
        "unitCode",
      ],
    ];

    it.each(cases)("%s → 400 problem+json naming the field", async (_label, method, url, body, field) => {
      const before = await snapshotCounts(ctx.db);
      const detailBefore = (await inject("GET", REF)).body;
      const res = await inject(method as "POST", url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const problem = res.json();
      expect(problem).toMatchObject({
        status: 400,
        title: "Bad Request",
        type: expect.any(String),
        detail: expect.any(String),
      });
      const error = problem.errors.find((e: { path: string }) => e.path === field);
      expect(error, JSON.stringify(problem.errors)).toBeDefined();
      expect(error.message.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(error.message.en).toMatch(/[a-z]/);
      expect(await snapshotCounts(ctx.db)).toEqual(before);
      expect((await inject("GET", REF)).body).toBe(detailBefore);
    });

    it("answers malformed JSON with 400 and no stack trace", async () => {
      const res = await ctx.app.inject({
        method: "POST",
        url: `${REF}/reports`,
        payload: "{not json",
        // signed in: an anonymous write is refused (401) before its body is read
        headers: { ...admin, "content-type": "application/json" },
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
    });
  });

  it("assigns the unit's next number to a project created without a code, and refuses a taken code with 409", async () => {
    const first = await createProject();
    expect(first.code).toBe("50450000-3248");
    const second = await createProject();
    expect(second.code).toBe("50450000-3249");
    const taken = await inject("POST", "/api/v1/projects", {
      code: "50450000-3247",
      unitCode: "50450000",
      fiscalYear: 2570,
      name: "ซ้ำ",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0]).toMatchObject({ path: "code", code: "taken" });
    const otherUnit = await inject("POST", "/api/v1/projects", {
      code: "50010000-1",
      unitCode: "50450000",
      fiscalYear: 2570,
      name: "x",
    });
    expect(otherUnit.statusCode).toBe(400);
  });

  it("keeps a deleted project's record and its code taken", async () => {
    const project = await createProject({ code: "50450000-7000" });
    expect((await inject("DELETE", `/api/v1/projects/${project.code}`)).statusCode).toBe(204);
    expect((await inject("GET", `/api/v1/projects/${project.code}`)).statusCode).toBe(404);
    const row = await ctx.db.prisma.project.findUnique({ where: { code: project.code } });
    expect(row?.deletedAt).not.toBeNull();
    const again = await inject("POST", "/api/v1/projects", {
      code: project.code,
      unitCode: "50450000",
      fiscalYear: 2570,
      name: "ใหม่",
    });
    expect(again.statusCode).toBe(409);
  });

  it("stores Thai text exactly as entered, and finds it by either spelling of สำนัก", async () => {
    const name = "โครงการส\u0E4D\u0E32นักงานสีเขียว  ทดสอบ่่ ๑๒๓ “คำพูด”";
    // the phone in its own field (Thai digits kept as typed)
    const project = await createProject({
      name,
      responsibleOfficer: "นางสาวทดสอบ  ใจดี",
      responsibleOfficerPhone: "โทร. ๐๒-๑๒๓",
    });
    const read = (await inject("GET", `/api/v1/projects/${project.code}`)).json<ProjectDetail>();
    expect(read.name).toBe(name);
    expect(read.responsibleOfficer).toBe("นางสาวทดสอบ  ใจดี");
    expect(read.responsibleOfficerPhone).toBe("โทร. ๐๒-๑๒๓");
    for (const q of ["สำนักงานสีเขียว", "ส\u0E4D\u0E32นักงานสีเขียว", "งานสีเขียว"]) {
      const found = (await inject("GET", `/api/v1/projects?q=${encodeURIComponent(q)}`)).json();
      expect(found.items.map((p: { code: string }) => p.code)).toContain(project.code);
    }
  });

  it("replaces a plan atomically and computes weighted completion and schedule", async () => {
    const project = await createProject({ fiscalYear: 2570 });
    const plan = {
      steps: [
        { name: "เตรียมการ", weight: 30, plannedStart: "2026-10-01", plannedEnd: "2026-10-31", completion: 100 },
        { name: "ดำเนินการ", weight: 70, plannedStart: "2026-11-01", plannedEnd: "2027-09-30", completion: 10 },
      ],
    };
    const res = await inject("PUT", `/api/v1/projects/${project.code}/plan`, plan, {
      "if-match": `"${project.version}"`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json<ProjectDetail>();
    expect(detail.steps.map((s) => [s.order, s.name, s.weight])).toEqual([
      [1, "เตรียมการ", 30],
      [2, "ดำเนินการ", 70],
    ]);
    expect(detail.stepCompletion).toBe(37);
    // 2026-11-25: step 1 done (30) + 24/333 of step 2 (70 × 0.0721 = 5.05)
    expect(detail.plannedProgress).toBe(35.05);
    expect(detail.scheduleStatus).toBe("behind");
    expect(detail.version).toBe(project.version + 1);

    const report = await inject("POST", `/api/v1/projects/${project.code}/reports`, {
      reportDate: "2026-11-20",
      percent: 40,
    });
    expect(report.statusCode).toBe(201);
    expect(report.json()).toMatchObject({ fiscalYear: 2570, quarter: 1, percent: 40, dropsFromPrevious: false });
    const after = (await inject("GET", `/api/v1/projects/${project.code}`)).json<ProjectDetail>();
    expect(after).toMatchObject({ progress: 40, scheduleStatus: "on_track", reportedThisMonth: true });

    const lower = await inject("POST", `/api/v1/projects/${project.code}/reports`, {
      reportDate: "2026-11-24",
      percent: 35,
    });
    expect(lower.json().dropsFromPrevious).toBe(true);
  });

  it("corrects and withdraws a report, which then no longer counts", async () => {
    const project = await createProject();
    const added = (
      await inject("POST", `/api/v1/projects/${project.code}/reports`, { reportDate: "2026-11-01", percent: 20 })
    ).json();
    const patched = await inject("PATCH", `/api/v1/projects/${project.code}/reports/${added.id}`, {
      percent: 25,
      problems: "ฝนตก",
    });
    expect(patched.json()).toMatchObject({ percent: 25, problems: "ฝนตก", reportDate: "2026-11-01" });
    expect((await inject("DELETE", `/api/v1/projects/${project.code}/reports/${added.id}`)).statusCode).toBe(204);
    expect((await inject("GET", `/api/v1/projects/${project.code}`)).json().progress).toBeNull();
    expect((await inject("DELETE", `/api/v1/projects/${project.code}/reports/${added.id}`)).statusCode).toBe(404);
    expect(
      (await inject("PATCH", `/api/v1/projects/50450000-3247/reports/${added.id}`, { percent: 1 })).statusCode,
    ).toBe(404);
  });

  it("sets a quarter's evaluation score", async () => {
    const res = await inject("PUT", `${REF}/evaluations/2`, { score: 87.5, note: "ดี" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ quarter: 2, score: 87.5, note: "ดี" });
    const detail = (await inject("GET", REF)).json<ProjectDetail>();
    expect(detail.evaluations.map((e) => [e.quarter, e.score])).toEqual([
      [1, 100],
      [2, 87.5],
    ]);
  });

  it("refuses a write based on a stale version with 412 and keeps the other edit", async () => {
    const project = await createProject();
    const etag = `"${project.version}"`;
    const first = await inject(
      "PATCH",
      `/api/v1/projects/${project.code}`,
      { responsibleOfficer: "คนแรก" },
      { "if-match": etag },
    );
    expect(first.statusCode).toBe(200);
    const second = await inject(
      "PATCH",
      `/api/v1/projects/${project.code}`,
      { responsibleOfficer: "คนที่สอง" },
      { "if-match": etag },
    );
    expect(second.statusCode).toBe(412);
    expect(second.json()).toMatchObject({ status: 412, currentVersion: project.version + 1 });
    const now = (await inject("GET", `/api/v1/projects/${project.code}`)).json<ProjectDetail>();
    expect(now.responsibleOfficer).toBe("คนแรก");
  });

  it("lets only one of two simultaneous writes on the same version through", async () => {
    const project = await createProject();
    const etag = `"${project.version}"`;
    const results = await Promise.all(
      ["ก", "ข"].map((who) =>
        inject("PATCH", `/api/v1/projects/${project.code}`, { responsibleOfficer: who }, { "if-match": etag }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.statusCode === 200)?.json<ProjectDetail>();
    const now = (await inject("GET", `/api/v1/projects/${project.code}`)).json<ProjectDetail>();
    expect(now.responsibleOfficer).toBe(winner?.responsibleOfficer);
  });

  it("updates project fields, budget and policies", async () => {
    const project = await createProject();
    const res = await inject("PATCH", `/api/v1/projects/${project.code}`, {
      budgetAllocated: 250000,
      budgetSpent: 125000.5,
      policyCodes: ["P145", "P001"],
      strategyCode: "5.1.1",
      plannedStart: "2026-10-01",
      plannedFinish: "2027-09-30",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      budgetAllocated: 250000,
      budgetSpent: 125000.5,
      policies: [{ code: "P001" }, { code: "P145" }],
      routineMission: false,
      strategy: { code: "5.1.1", path: [{ level: "pillar" }, { level: "dimension" }, { level: "goal" }] },
    });
    const over = await inject("PATCH", `/api/v1/projects/${project.code}`, { budgetSpent: 300000 });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].path).toBe("budgetSpent");
    const unknownPolicy = await inject("PATCH", `/api/v1/projects/${project.code}`, { policyCodes: ["P999"] });
    expect(unknownPolicy.statusCode).toBe(400);
  });

  it("manages an indicator and its quarter results", async () => {
    const project = await createProject();
    const created = await inject("POST", "/api/v1/indicators", {
      code: "5045-900",
      unitCode: "50450000",
      fiscalYear: 2570,
      name: "ร้อยละของชุมชนที่มีเครือข่าย",
      measureUnit: "ร้อยละ",
      target: 80,
      type: "routine",
      resultLevel: "output",
      projectCodes: [project.code],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(
      (await inject("POST", "/api/v1/indicators", { ...JSON.parse(created.payload), unitName: undefined })).statusCode,
    ).toBe(400);
    const quarter = await inject("PUT", "/api/v1/indicators/5045-900/quarters/1", {
      value: 20.5,
      score21: 100,
      score22: 90,
    });
    expect(quarter.json().quarters).toEqual([{ quarter: 1, value: 20.5, score21: 100, score22: 90 }]);
    const patched = await inject("PATCH", "/api/v1/indicators/5045-900", { achieved: 20.5 });
    expect(patched.json()).toMatchObject({ achieved: 20.5, projects: [{ code: project.code }] });
    const detail = (await inject("GET", `/api/v1/projects/${project.code}`)).json<ProjectDetail>();
    expect(detail.indicators.map((i) => i.code)).toEqual(["5045-900"]);
    const list = (await inject("GET", "/api/v1/indicators?fiscalYear=2570&unit=50450000")).json();
    expect(list.items.map((i: { code: string }) => i.code)).toContain("5045-900");
    const dup = await inject("POST", "/api/v1/indicators", {
      code: "5045-861",
      unitCode: "50450000",
      fiscalYear: 2564,
      name: "x",
      measureUnit: "ระดับ",
      target: 5,
      type: "strategic",
      resultLevel: "outcome",
    });
    expect(dup.statusCode).toBe(409);
  });
});
