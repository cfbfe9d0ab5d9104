import type { InjectOptions } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, useTestApp } from "../helper";

const REF = "/api/v1/projects/50450000-3247";

/** Issue 9, item 3: every error, the router's own included, is problem+json with the security headers. */
describe("errors raised before any route runs", () => {
  const ctx = useTestApp();
  let admin: Record<string, string> = {};
  beforeAll(async () => {
    admin = await signIn(ctx.app, "admin");
  });
  const json = { "content-type": "application/json" };

  const cases: [string, () => InjectOptions, number][] = [
    ["a 300-character path parameter", () => ({ method: "GET", url: `/api/v1/projects/${"1".repeat(300)}` }), 414],
    ["a malformed URL under /assets", () => ({ method: "GET", url: "/assets/%c0%ae%c0%ae/x" }), 400],
    ["a malformed URL under the API", () => ({ method: "GET", url: "/api/v1/projects/%c0%ae" }), 400],
    ["an unknown API route", () => ({ method: "GET", url: "/api/v1/nothing-here" }), 404],
    [
      "a body over the limit",
      () => ({
        method: "PATCH",
        url: REF,
        headers: { ...admin, ...json },
        payload: JSON.stringify({ name: "ก".repeat(600_000) }),
      }),
      413,
    ],
    [
      "a body that is not JSON",
      () => ({ method: "PATCH", url: REF, headers: { ...admin, ...json }, payload: "{not json" }),
      400,
    ],
    ["an empty JSON body", () => ({ method: "PATCH", url: REF, headers: { ...admin, ...json }, payload: "" }), 400],
    [
      "a body of an unsupported type",
      () => ({ method: "PATCH", url: REF, headers: { ...admin, "content-type": "text/xml" }, payload: "<a/>" }),
      415,
    ],
  ];

  it.each(cases)("%s: problem+json with the security headers", async (_name, request, status) => {
    const res = await ctx.app.inject(request());
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-frame-options"]).toBeDefined();
    const body = res.json();
    expect(body).toMatchObject({ status, type: "about:blank" });
    expect(body.title).not.toMatch(/^FST_/);
    expect(body.message.th).toBeTruthy();
    expect(body.message.en).toBeTruthy();
  });
});
