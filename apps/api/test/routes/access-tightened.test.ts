import { beforeAll, describe, expect, it } from "vitest";
import { clientFor, signIn, useTestApp } from "../helper";
import { databaseFingerprint } from "../support/db-fingerprint";

const REF = "/api/v1/projects/50450000-3247";
const OWN_UNIT = "50450000";
const OTHER_UNIT = "14000000";

/** Issue 9, items 4, 5 and 8: authentication before validation, KPI links need both sides, no-store, HSTS. */
describe("access, tightened (PUBLIC_READ=false)", () => {
  const ctx = useTestApp({ env: { PUBLIC_READ: "false", TRUST_PROXY: "true" } });
  let admin: Record<string, string> = {};
  let officer: Record<string, string> = {};
  let otherProject = "";
  let ownProject = "";
  const asAdmin = (...args: Parameters<ReturnType<typeof clientFor>>) => clientFor(ctx.app, () => admin)(...args);
  const asOfficer = (...args: Parameters<ReturnType<typeof clientFor>>) => clientFor(ctx.app, () => officer)(...args);

  beforeAll(async () => {
    admin = await signIn(ctx.app, "admin");
    officer = await signIn(ctx.app, "officer.wangthonglang");
    const other = await asAdmin("POST", "/api/v1/projects", {
      unitCode: OTHER_UNIT,
      fiscalYear: 2570,
      name: "โครงการของสำนักการคลัง",
    });
    expect(other.statusCode, other.body).toBe(201);
    otherProject = other.json().code;
    const own = await asAdmin("POST", "/api/v1/projects", {
      unitCode: OWN_UNIT,
      fiscalYear: 2570,
      name: "โครงการของเขตวังทองหลาง",
    });
    expect(own.statusCode, own.body).toBe(201);
    ownProject = own.json().code;
  });

  describe("authenticates before validating", () => {
    const anonymousWrites: [string, "POST" | "PATCH" | "PUT" | "DELETE", string, string | object | undefined][] = [
      ["a project with an empty body", "POST", "/api/v1/projects", {}],
      ["a project with fields of the wrong type", "PATCH", REF, { name: 5, budgetAllocated: "lots" }],
      ["a plan that is not JSON", "PUT", `${REF}/plan`, "{not json"],
      ["a report with an unknown field", "POST", `${REF}/reports`, { mood: "good" }],
      ["an API key with a bad id", "DELETE", "/api/v1/api-keys/not-a-number", undefined],
      ["a user with a bad name", "POST", "/api/v1/users", { username: "A" }],
    ];
    it.each(anonymousWrites)("anonymous write of %s: 401, not 400", async (_name, method, url, payload) => {
      const before = await databaseFingerprint(ctx.db);
      const res = await ctx.app.inject({
        method,
        url,
        ...(typeof payload === "string"
          ? { payload, headers: { "content-type": "application/json" } }
          : payload === undefined
            ? {}
            : { payload }),
      });
      expect(res.statusCode, res.body).toBe(401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(await databaseFingerprint(ctx.db)).toEqual(before);
    });

    it("answers 401 to anonymous callers for a missing and an existing code alike (no existence oracle)", async () => {
      for (const method of ["DELETE", "GET", "PATCH"] as const) {
        const missing = await ctx.app.inject({
          method,
          url: "/api/v1/projects/99999999-1",
          payload: method === "PATCH" ? {} : undefined,
        });
        const existing = await ctx.app.inject({ method, url: REF, payload: method === "PATCH" ? {} : undefined });
        expect([method, missing.statusCode, existing.statusCode]).toEqual([method, 401, 401]);
        expect(missing.json().detail).toBe(existing.json().detail);
      }
    });

    it("answers an invalid Bearer token 401 whatever the body", async () => {
      const res = await ctx.app.inject({
        method: "POST",
        url: "/api/v1/projects",
        headers: { authorization: "Bearer cpm_not-a-key" },
        payload: { nonsense: true },
      });
      expect(res.statusCode).toBe(401);
    });
  });

  describe("linking a KPI to projects needs write access to each project too, and is audited on both sides", () => {
    const kpi = (code: string, projectCodes: string[]) => ({
      code,
      unitCode: OWN_UNIT,
      fiscalYear: 2570,
      name: "ตัวชี้วัดของเขต",
      measureUnit: "ร้อยละ",
      target: 80,
      type: "routine",
      resultLevel: "output",
      projectCodes,
    });

    it("refuses an officer's KPI on another unit's project (403), changing nothing", async () => {
      const before = await databaseFingerprint(ctx.db);
      const res = await asOfficer("POST", "/api/v1/indicators", kpi("5045-LINK-1", [otherProject]));
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().message.en).toContain(otherProject);
      expect(await databaseFingerprint(ctx.db)).toEqual(before);
      const page = (
        await ctx.app.inject({ method: "GET", url: `/api/v1/projects/${otherProject}`, headers: admin })
      ).json();
      expect(page.indicators).toEqual([]);
    });

    it("records a link in the project's history and changes its ETag, not its version", async () => {
      const read = await ctx.app.inject({ method: "GET", url: `/api/v1/projects/${ownProject}`, headers: officer });
      const res = await asOfficer("POST", "/api/v1/indicators", kpi("5045-LINK-2", [ownProject]));
      expect(res.statusCode, res.body).toBe(201);
      const after = await ctx.app.inject({ method: "GET", url: `/api/v1/projects/${ownProject}`, headers: officer });
      expect(after.json().indicators.map((i: { code: string }) => i.code)).toEqual(["5045-LINK-2"]);
      expect(after.json().version).toBe(read.json().version);
      expect(after.headers.etag).not.toBe(read.headers.etag);
      const history = (
        await ctx.app.inject({ method: "GET", url: `/api/v1/projects/${ownProject}/history`, headers: officer })
      ).json();
      expect(history.items[0]).toMatchObject({
        action: "indicator.link",
        entityType: "indicator",
        entityKey: "5045-LINK-2",
      });
      // unlinking is recorded on the project too
      const unlinked = await asOfficer("PATCH", "/api/v1/indicators/5045-LINK-2", { projectCodes: [] });
      expect(unlinked.statusCode, unlinked.body).toBe(200);
      const again = (
        await ctx.app.inject({ method: "GET", url: `/api/v1/projects/${ownProject}/history`, headers: officer })
      ).json();
      expect(again.items[0]).toMatchObject({ action: "indicator.unlink", entityKey: "5045-LINK-2" });
    });

    it("refuses adding or removing another unit's project through a PATCH (403)", async () => {
      const created = await asOfficer("POST", "/api/v1/indicators", kpi("5045-LINK-3", [ownProject]));
      expect(created.statusCode, created.body).toBe(201);
      const added = await asOfficer("PATCH", "/api/v1/indicators/5045-LINK-3", {
        projectCodes: [ownProject, otherProject],
      });
      expect(added.statusCode, added.body).toBe(403);
      // an admin links the other unit's project; the officer may not take it away
      expect(
        (await asAdmin("PATCH", "/api/v1/indicators/5045-LINK-3", { projectCodes: [ownProject, otherProject] }))
          .statusCode,
      ).toBe(200);
      const before = await databaseFingerprint(ctx.db);
      const removed = await asOfficer("PATCH", "/api/v1/indicators/5045-LINK-3", { projectCodes: [ownProject] });
      expect(removed.statusCode, removed.body).toBe(403);
      expect(await databaseFingerprint(ctx.db)).toEqual(before);
      // the officer's other edits of the KPI still work while the link stays
      const renamed = await asOfficer("PATCH", "/api/v1/indicators/5045-LINK-3", {
        name: "ชื่อใหม่",
        projectCodes: [otherProject, ownProject],
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
    });
  });

  it("writes an API key's lastUsedAt when it is used, at most once a minute", async () => {
    const created = await asAdmin("POST", "/api/v1/api-keys", { name: "open data portal", scope: "read" });
    expect(created.statusCode, created.body).toBe(201);
    const { id, key } = created.json();
    const lastUsed = async () =>
      (await asAdmin("GET", "/api/v1/api-keys")).json().items.find((k: { id: number }) => k.id === id).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const use = () =>
      ctx.app.inject({ method: "GET", url: "/api/v1/units", headers: { authorization: `Bearer ${key}` } });
    expect((await use()).statusCode).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect((await use()).statusCode).toBe(200);
    expect(await lastUsed()).toBe(first);
  });

  describe("private answers are never stored; HSTS only over https", () => {
    it("sends Cache-Control: no-store with the session, history, users and API keys", async () => {
      for (const url of ["/api/v1/auth/session", `${REF}/history`, "/api/v1/users", "/api/v1/api-keys"]) {
        const res = await ctx.app.inject({ method: "GET", url, headers: admin });
        expect([url, res.statusCode, res.headers["cache-control"]]).toEqual([url, 200, "no-store"]);
      }
      const signedIn = await ctx.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        payload: { username: "executive", password: "demo-executive-2570" },
      });
      expect(signedIn.headers["cache-control"]).toBe("no-store");
    });

    it("sends Strict-Transport-Security only when the request came over https", async () => {
      const plain = await ctx.app.inject({ method: "GET", url: "/api/v1/units", headers: admin });
      expect(plain.headers["strict-transport-security"]).toBeUndefined();
      const tls = await ctx.app.inject({
        method: "GET",
        url: "/api/v1/units",
        headers: { ...admin, "x-forwarded-proto": "https" },
      });
      expect(tls.headers["strict-transport-security"]).toContain("max-age=");
    });
  });
});
