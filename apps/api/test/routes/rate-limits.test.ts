import { describe, expect, it } from "vitest";
import { signIn, useTestApp } from "../helper";

/** Issue 9, item 6: count by IP until a credential is proven; sign-in per IP and per user name. */
describe("rate limits", () => {
  const ctx = useTestApp({ env: { RATE_LIMIT_PER_MINUTE: "5", SIGN_IN_PER_MINUTE: "3" } });
  const from = (remoteAddress: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: "GET", url: "/api/v1/units", remoteAddress, headers });

  async function readKey(): Promise<string> {
    // the admin signs in from an address of its own, which the tests below never use
    const admin = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      remoteAddress: "10.0.0.1",
      payload: { username: "admin", password: "demo-admin-2570" },
    });
    const headers = { cookie: `cpm_session=${admin.cookies[0]?.value}`, "x-csrf-token": admin.json().csrfToken };
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      remoteAddress: "10.0.0.1",
      headers,
      payload: { name: `key ${Math.random()}`, scope: "read" },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().key;
  }

  it("counts requests with an invalid Bearer token by IP, and refuses them 429 past the limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await from("10.0.1.1", { authorization: `Bearer cpm_wrong-${i}` })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // the same address without a credential shares that bucket
    expect((await from("10.0.1.1")).statusCode).toBe(429);
    const limited = await from("10.0.1.1");
    expect(limited.headers["content-type"]).toContain("application/problem+json");
    expect(limited.headers["retry-after"]).toBeDefined();
  });

  it("gives a proven API key a bucket of its own", async () => {
    const key = await readKey();
    for (let i = 0; i < 6; i++) await from("10.0.2.1");
    expect((await from("10.0.2.1")).statusCode).toBe(429);
    expect((await from("10.0.2.1", { authorization: `Bearer ${key}` })).statusCode).toBe(200);
  });

  it("limits sign-in per IP even with a valid API key (no fresh bucket)", async () => {
    const key = await readKey();
    const attempt = (headers: Record<string, string> = {}, username = "nobody") =>
      ctx.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        remoteAddress: "10.0.3.1",
        headers,
        payload: { username: `${username}-${Math.random()}`, password: "wrong password" },
      });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt()).statusCode);
    statuses.push((await attempt({ authorization: `Bearer ${key}` })).statusCode);
    statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it("limits sign-in per user name, whichever addresses the attempts come from", async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const res = await ctx.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        remoteAddress: `10.0.4.${i + 1}`,
        payload: { username: i % 2 ? "Evaluator" : "evaluator", password: "wrong password" },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // another user name from those addresses is not held back
    const other = await signIn(ctx.app, "executive").then(
      () => 200,
      () => 0,
    );
    expect(other).toBe(200);
  });
});
