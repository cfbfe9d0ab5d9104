import type { ProjectDetail } from "@cpm/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { clientFor, signIn, useTestApp } from "../helper";

const REF = "/api/v1/projects/50450000-3247";

describe("a project's detail is served again without work while nothing changed", () => {
  const ctx = useTestApp();
  let admin: Record<string, string> = {};
  beforeAll(async () => {
    admin = await signIn(ctx.app, "admin");
  });
  const get = (headers: Record<string, string> = {}) => ctx.app.inject({ method: "GET", url: REF, headers });

  it("answers 304 to the current ETag, and 200 with a new ETag once the project changed", async () => {
    const first = await get();
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"\d+\.[\w-]+"$/);
    expect(first.headers["cache-control"]).toBe("public, no-cache");

    const again = await get({ "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.etag).toBe(etag);

    const write = clientFor(ctx.app, () => admin);
    const changed = await write("PATCH", REF, { targets: "เป้าหมายที่แก้ไขแล้ว" }, { "if-match": etag });
    expect(changed.statusCode, changed.body).toBe(200);

    const after = await get({ "if-none-match": etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.json<ProjectDetail>().targets).toBe("เป้าหมายที่แก้ไขแล้ว");
  });

  it("a KPI result changes the detail's ETag though the project itself was not written", async () => {
    const before = await get();
    const kpi = before.json<ProjectDetail>().indicators[0];
    expect(kpi).toBeDefined();
    const write = clientFor(ctx.app, () => admin);
    const put = await write("PUT", `/api/v1/indicators/${kpi?.code}/quarters/2`, { value: 4 });
    expect(put.statusCode, put.body).toBe(200);
    const after = await get({ "if-none-match": before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    const q2 = after.json<ProjectDetail>().indicators[0]?.quarters.find((q) => q.quarter === 2);
    expect(q2?.value).toBe(4);
  });

  it("keeps anonymous and signed-in copies apart, and a new day is a new representation", async () => {
    const anonymous = await get();
    const signedIn = await get(admin);
    expect(signedIn.headers["cache-control"]).toBe("private, no-cache");
    expect(signedIn.headers.etag).not.toBe(anonymous.headers.etag);
    expect((await get({ ...admin, "if-none-match": anonymous.headers.etag as string })).statusCode).toBe(200);
    const otherDay = await ctx.app.inject({
      method: "GET",
      url: `${REF}?asOf=2021-06-30`,
      headers: { "if-none-match": anonymous.headers.etag as string },
    });
    expect(otherDay.statusCode).toBe(200);
  });

  it("a cached copy is never served for another version (repeated reads equal a fresh computation)", async () => {
    const a = (await get(admin)).json<ProjectDetail>();
    const b = (await get(admin)).json<ProjectDetail>();
    expect(b).toEqual(a);
    const fresh = await ctx.app.repos.projects.get("50450000-3247", ctx.app.clock.today());
    expect(b).toEqual(JSON.parse(JSON.stringify(fresh)));
  });
});

describe("Cache-Control on API answers", () => {
  const ctx = useTestApp();
  it("lets shared caches keep public figures briefly, keeps signed-in reads private, stores no write", async () => {
    const list = await ctx.app.inject({ method: "GET", url: "/api/v1/projects?fiscalYear=2564" });
    expect(list.headers["cache-control"]).toMatch(/^public, max-age=\d+/);
    const dashboard = await ctx.app.inject({ method: "GET", url: "/api/v1/dashboard?fiscalYear=2564" });
    expect(dashboard.headers["cache-control"]).toMatch(/^public, max-age=\d+/);
    const admin = await signIn(ctx.app, "admin");
    const mine = await ctx.app.inject({ method: "GET", url: "/api/v1/projects?fiscalYear=2564", headers: admin });
    expect(mine.headers["cache-control"]).toBe("private, no-cache");
    const refused = await ctx.app.inject({ method: "POST", url: "/api/v1/projects", payload: {} });
    expect(refused.headers["cache-control"]).toBe("no-store");
  });
});

describe("a dashboard is served again without work while no figure of its year moved", () => {
  const ctx = useTestApp();
  it("answers 304 to its ETag until a write changes the year's kept figures", async () => {
    const url = "/api/v1/units/50450000/dashboard?fiscalYear=2564";
    const first = await ctx.app.inject({ method: "GET", url });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"d\.[\w-]+"$/);
    const again = await ctx.app.inject({ method: "GET", url, headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);

    const admin = await signIn(ctx.app, "admin");
    const write = clientFor(ctx.app, () => admin);
    const budget = await write("PATCH", REF, { budgetAllocated: 7_654_321, budgetSpent: 1_000 });
    expect(budget.statusCode, budget.body).toBe(200);
    const after = await ctx.app.inject({ method: "GET", url, headers: { "if-none-match": etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    // the same answer as computing it afresh
    const fresh = await ctx.app.repos.dashboard.forUnit("50450000", 2564, undefined, ctx.app.clock.today());
    expect(after.json()).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect(after.json().totals.budgetAllocated).not.toBe(first.json().totals.budgetAllocated);
  });

  it("a dashboard as of a day that is not kept has no ETag (computed live each time)", async () => {
    const live = await ctx.app.inject({ method: "GET", url: "/api/v1/dashboard?fiscalYear=2564&asOf=2021-05-17" });
    expect(live.statusCode).toBe(200);
    expect(live.headers.etag).toBeUndefined();
  });
});
