import type { IndicatorDetail, ProjectDetail } from "@cpm/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { clientFor, type Method, signIn, useTestApp } from "../helper";
import { databaseFingerprint } from "../support/db-fingerprint";

/** Issue 9, items 1 and 2: no input is a 500, what the database cannot hold is refused, no-op writes are no-ops. */
describe("bad input is a 400 naming the field, and changes nothing", () => {
  const ctx = useTestApp();
  let admin: Record<string, string> = {};
  let officer: Record<string, string> = {};
  let project: ProjectDetail;
  let indicator: IndicatorDetail;
  let reportId: number;
  const asAdmin = (method: Method, url: string, payload?: unknown, headers = {}) =>
    clientFor(ctx.app, () => admin)(method, url, payload, headers);

  beforeAll(async () => {
    admin = await signIn(ctx.app, "admin");
    officer = await signIn(ctx.app, "officer.wangthonglang");
    const created = await asAdmin("POST", "/api/v1/projects", {
      unitCode: "50450000",
      fiscalYear: 2570,
      name: "โครงการทดสอบขอบเขตข้อมูล",
    });
    expect(created.statusCode, created.body).toBe(201);
    project = created.json();
    const report = await asAdmin("POST", `/api/v1/projects/${project.code}/reports`, {
      reportDate: "2026-11-20",
      percent: 10,
    });
    expect(report.statusCode, report.body).toBe(201);
    reportId = report.json().id;
    const kpi = await asAdmin("POST", "/api/v1/indicators", {
      code: "5045-BOUND",
      unitCode: "50450000",
      fiscalYear: 2570,
      name: "ตัวชี้วัดทดสอบขอบเขต",
      measureUnit: "ระดับ",
      target: 5,
      type: "routine",
      resultLevel: "output",
    });
    expect(kpi.statusCode, kpi.body).toBe(201);
    indicator = kpi.json();
  });

  const refused: [string, Method, () => string, unknown, string][] = [
    ["a NUL byte in the list's text search (anonymous)", "GET", () => "/api/v1/projects?q=%00", undefined, "query.q"],
    ["a NUL byte in a name", "PATCH", () => `/api/v1/projects/${project.code}`, { name: "a\u0000b" }, "name"],
    ["a lone surrogate in a name", "PATCH", () => `/api/v1/projects/${project.code}`, { name: "a\ud800b" }, "name"],
    [
      "a lone surrogate in a narrative",
      "POST",
      () => `/api/v1/projects/${project.code}/reports`,
      { reportDate: "2026-11-21", percent: 11, narrative: "x\udc00" },
      "narrative",
    ],
    ["year 0000 as the list's asOf", "GET", () => "/api/v1/projects?asOf=0000-01-01", undefined, "query.asOf"],
    [
      "year 0000 as the dashboard's asOf",
      "GET",
      () => "/api/v1/dashboard?fiscalYear=2570&asOf=0000-01-01",
      undefined,
      "query.asOf",
    ],
    [
      "year 0000 as a planned start",
      "PATCH",
      () => `/api/v1/projects/${project.code}`,
      { plannedStart: "0000-01-01" },
      "plannedStart",
    ],
    [
      "a budget numeric(14,2) cannot hold",
      "PATCH",
      () => `/api/v1/projects/${project.code}`,
      { budgetAllocated: 1_000_000_000_000 },
      "budgetAllocated",
    ],
    [
      "an indicator target numeric(14,2) cannot hold",
      "PATCH",
      () => `/api/v1/indicators/${indicator.code}`,
      { target: 1_000_000_000_000 },
      "target",
    ],
    [
      "an indicator result numeric(14,2) cannot hold",
      "PATCH",
      () => `/api/v1/indicators/${indicator.code}`,
      { achieved: 1e15 },
      "achieved",
    ],
    [
      "a quarter value numeric(14,2) cannot hold",
      "PUT",
      () => `/api/v1/indicators/${indicator.code}/quarters/1`,
      { value: 1_000_000_000_000 },
      "value",
    ],
    [
      "a report id of 2^31",
      "PATCH",
      () => `/api/v1/projects/${project.code}/reports/2147483648`,
      { percent: 20 },
      "params.id",
    ],
    ["an API key id of 2^31", "DELETE", () => "/api/v1/api-keys/2147483648", undefined, "params.id"],
    // item 2: silent changes
    [
      "a quarter value of 1.005 (would be stored as 1.01)",
      "PUT",
      () => `/api/v1/indicators/${indicator.code}/quarters/1`,
      { value: 1.005 },
      "value",
    ],
    [
      "a quarter value of 1e-10 (would be stored as 0)",
      "PUT",
      () => `/api/v1/indicators/${indicator.code}/quarters/1`,
      { value: 1e-10 },
      "value",
    ],
    [
      "a percent of 1e-10",
      "POST",
      () => `/api/v1/projects/${project.code}/reports`,
      { reportDate: "2026-11-21", percent: 1e-10 },
      "percent",
    ],
    [
      "a name of zero-width characters only",
      "PATCH",
      () => `/api/v1/projects/${project.code}`,
      { name: "\u200b\u200c\u200d\ufeff" },
      "name",
    ],
    [
      "a KPI name of invisible characters only",
      "PATCH",
      () => `/api/v1/indicators/${indicator.code}`,
      { name: "\u2060 \u3000" },
      "name",
    ],
    [
      "a report dated 0001-01-01",
      "POST",
      () => `/api/v1/projects/${project.code}/reports`,
      { reportDate: "0001-01-01", percent: 5 },
      "reportDate",
    ],
    [
      "a report dated years before its project's fiscal year",
      "POST",
      () => `/api/v1/projects/${project.code}/reports`,
      { reportDate: "2021-01-15", percent: 5 },
      "reportDate",
    ],
    [
      "a report corrected to a day before its project's fiscal year",
      "PATCH",
      () => `/api/v1/projects/${project.code}/reports/${reportId}`,
      { reportDate: "2026-09-30" },
      "reportDate",
    ],
    [
      "a project in fiscal year 2600",
      "POST",
      () => "/api/v1/projects",
      { unitCode: "50450000", fiscalYear: 2600, name: "โครงการปี 2600" },
      "fiscalYear",
    ],
    [
      "a KPI in fiscal year 2600",
      "POST",
      () => "/api/v1/indicators",
      {
        code: "5045-2600",
        unitCode: "50450000",
        fiscalYear: 2600,
        name: "ตัวชี้วัด",
        measureUnit: "ระดับ",
        target: 5,
        type: "routine",
        resultLevel: "output",
      },
      "fiscalYear",
    ],
  ];

  it.each(refused)("refuses %s", async (_name, method, url, payload, field) => {
    const before = await databaseFingerprint(ctx.db);
    // the officer of the project's unit: it may write, so only the input decides
    const res = await clientFor(ctx.app, () => (method === "GET" ? {} : method === "DELETE" ? admin : officer))(
      method,
      url(),
      payload,
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const body = res.json();
    expect(body.errors.map((e: { path: string }) => e.path)).toContain(field);
    const error = body.errors.find((e: { path: string }) => e.path === field);
    expect(error.message.th).toBeTruthy();
    expect(error.message.en).toBeTruthy();
    expect(await databaseFingerprint(ctx.db)).toEqual(before);
  });

  it("refuses an If-Match version beyond int4 (400 naming the header), changing nothing", async () => {
    const before = await databaseFingerprint(ctx.db);
    const res = await asAdmin(
      "PATCH",
      `/api/v1/projects/${project.code}`,
      { targets: "x" },
      { "if-match": 'W/"99999999999"' },
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain("headers.if-match");
    expect(await databaseFingerprint(ctx.db)).toEqual(before);
  });

  it("keeps exact two-decimal values and Thai text as sent", async () => {
    const target = await clientFor(ctx.app, () => officer)("PATCH", `/api/v1/indicators/${indicator.code}`, {
      target: 999_999_999_999.99,
    });
    expect(target.statusCode, target.body).toBe(200);
    expect(target.json().target).toBe(999_999_999_999.99);
    const res = await clientFor(ctx.app, () => officer)("PUT", `/api/v1/indicators/${indicator.code}/quarters/2`, {
      value: 999_999_999_999.99,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().quarters.find((q: { quarter: number }) => q.quarter === 2).value).toBe(999_999_999_999.99);
    const named = await clientFor(ctx.app, () => officer)("PATCH", `/api/v1/projects/${project.code}`, {
      name: "\u200bโครงการสำนักงาน 🚧",
    });
    expect(named.statusCode, named.body).toBe(200);
    expect(named.json().name).toBe("\u200bโครงการสำนักงาน 🚧");
  });

  it("does not list a fiscal year that no project may be created in", async () => {
    const years = (await ctx.app.inject({ method: "GET", url: "/api/v1/fiscal-years" })).json();
    expect(years.items.map((y: { year: number }) => y.year)).not.toContain(2600);
  });

  describe("an empty or no-op PATCH writes nothing", () => {
    const noOps: [string, () => string, () => unknown][] = [
      ["an empty project patch", () => `/api/v1/projects/${project.code}`, () => ({})],
      [
        "a project patch with the stored values",
        () => `/api/v1/projects/${project.code}`,
        () => ({ targets: "", policyCodes: [], budgetAllocated: null }),
      ],
      ["an empty KPI patch", () => `/api/v1/indicators/${indicator.code}`, () => ({})],
      [
        "a KPI patch with the stored values",
        () => `/api/v1/indicators/${indicator.code}`,
        () => ({ type: "routine", resultLevel: "output", projectCodes: [] }),
      ],
      ["an empty report patch", () => `/api/v1/projects/${project.code}/reports/${reportId}`, () => ({})],
      [
        "a report patch with the stored values",
        () => `/api/v1/projects/${project.code}/reports/${reportId}`,
        () => ({ percent: 10, reportDate: "2026-11-20" }),
      ],
    ];

    it.each(noOps)(
      "%s: 200 with the resource as it was, same version and ETag, no history event",
      async (_name, url, body) => {
        const owner = url().startsWith("/api/v1/indicators") ? url() : `/api/v1/projects/${project.code}`;
        const read = await ctx.app.inject({ method: "GET", url: owner, headers: admin });
        const version = read.json().version;
        const before = await databaseFingerprint(ctx.db);
        const res = await asAdmin("PATCH", url(), body());
        expect(res.statusCode, res.body).toBe(200);
        expect(await databaseFingerprint(ctx.db)).toEqual(before);
        const after = await ctx.app.inject({ method: "GET", url: owner, headers: admin });
        expect(after.json().version).toBe(version);
        expect(after.headers.etag).toBe(read.headers.etag);
        if (!url().includes("/reports/")) {
          expect(res.json().version).toBe(version);
          expect(res.headers.etag).toBe(`"${version}"`);
        }
      },
    );

    it("a user patch with the stored values: 200, no history event, the user stays signed in", async () => {
      const executive = await signIn(ctx.app, "executive");
      const before = await databaseFingerprint(ctx.db);
      const current = (await asAdmin("GET", "/api/v1/users"))
        .json()
        .items.find((u: { username: string }) => u.username === "executive");
      const res = await asAdmin("PATCH", "/api/v1/users/executive", {
        role: current.role,
        displayName: current.displayName,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual(current);
      expect((await asAdmin("PATCH", "/api/v1/users/executive", {})).statusCode).toBe(200);
      expect(await databaseFingerprint(ctx.db)).toEqual(before);
      expect(
        (await ctx.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: executive })).statusCode,
      ).toBe(200);
    });

    it("still refuses a no-op with a stale If-Match (412), and a real change still bumps the version", async () => {
      const read = await ctx.app.inject({ method: "GET", url: `/api/v1/projects/${project.code}`, headers: admin });
      const version: number = read.json().version;
      const stale = await asAdmin("PATCH", `/api/v1/projects/${project.code}`, {}, { "if-match": `"${version - 1}"` });
      expect(stale.statusCode).toBe(412);
      const changed = await asAdmin("PATCH", `/api/v1/projects/${project.code}`, { targets: "เป้าหมายใหม่" });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json().version).toBe(version + 1);
    });
  });
});
