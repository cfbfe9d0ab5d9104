import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app";
import { currentReadRoute, openDatabase } from "../../src/db/database";
import { loadEnv } from "../../src/env";
import {
  READ_YOUR_WRITES_COOKIE,
  READ_YOUR_WRITES_HEADER,
  READ_YOUR_WRITES_MS,
  READ_YOUR_WRITES_UNTIL_HEADER,
} from "../../src/plugins/app/read-routing";
import { clientFor, signIn, useTestApp } from "../helper";

const REF = "/api/v1/projects/50450000-3247";

/** Test-only routes that say how the request's lagging reads are routed. */
function routeProbe(app: App) {
  const answer = async () => {
    // after an await, as a real handler reads
    await new Promise((resolve) => setTimeout(resolve, 1));
    return { mayLag: currentReadRoute()?.mayLag ?? null, primary: app.db.laggingReads() === app.db.prisma };
  };
  app.get("/test/read-route", { config: { access: "public" } }, answer);
  app.post("/test/read-route", { config: { access: "public" } }, answer);
  app.post("/test/failing-write", { config: { access: "public" } }, async (_request, reply) =>
    reply.code(409).send({ failed: true }),
  );
}

describe("read routing: which requests may read lagging data", () => {
  const ctx = useTestApp({ beforeReady: routeProbe });
  const probe = (headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: "GET", url: "/test/read-route", headers }).then((res) => res.json());

  it("lets a GET from a client without recent writes read lagging data; never a write", async () => {
    expect(await probe()).toMatchObject({ mayLag: true });
    const post = await ctx.app.inject({ method: "POST", url: "/test/read-route", payload: { any: "body" } });
    // the context survives reading a request body
    expect(post.json()).toEqual({ mayLag: false, primary: true });
    // without replicas, lagging reads are the primary's
    expect(await probe()).toEqual({ mayLag: true, primary: true });
  });

  it("keeps the context of a request whose body arrives over a real connection", async () => {
    const base = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    const post = await fetch(`${base}/test/read-route`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "x".repeat(200_000) }),
    });
    expect(await post.json()).toEqual({ mayLag: false, primary: true });
    expect(await (await fetch(`${base}/test/read-route`)).json()).toMatchObject({ mayLag: true });
  });

  it("sends a successful write's client to the primary for a while: cookie, and header for other systems", async () => {
    const before = Date.now();
    const write = await ctx.app.inject({ method: "POST", url: "/test/read-route", payload: {} });
    const cookie = write.cookies.find((c) => c.name === READ_YOUR_WRITES_COOKIE);
    expect(cookie).toMatchObject({ path: "/", httpOnly: true, sameSite: "Lax", maxAge: READ_YOUR_WRITES_MS / 1000 });
    const until = Number(cookie?.value);
    expect(until).toBeGreaterThanOrEqual(before + READ_YOUR_WRITES_MS);
    expect(until).toBeLessThanOrEqual(Date.now() + READ_YOUR_WRITES_MS);
    expect(write.headers[READ_YOUR_WRITES_UNTIL_HEADER]).toBe(String(until));

    expect(await probe({ cookie: `${READ_YOUR_WRITES_COOKIE}=${until}` })).toMatchObject({ mayLag: false });
    expect(await probe({ [READ_YOUR_WRITES_HEADER]: String(until) })).toMatchObject({ mayLag: false });
    // once the time has passed (or with nonsense), lagging reads again
    expect(await probe({ cookie: `${READ_YOUR_WRITES_COOKIE}=${Date.now() - 1}` })).toMatchObject({ mayLag: true });
    expect(await probe({ [READ_YOUR_WRITES_HEADER]: "soon" })).toMatchObject({ mayLag: true });
  });

  it("sets nothing after a refused or failed write, nor after a read", async () => {
    const failed = await ctx.app.inject({ method: "POST", url: "/test/failing-write", payload: {} });
    expect(failed.statusCode).toBe(409);
    const wrongPassword = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { username: "admin", password: "wrong" },
    });
    expect(wrongPassword.statusCode).toBe(401);
    const read = await ctx.app.inject({ method: "GET", url: REF });
    for (const res of [failed, wrongPassword, read]) {
      expect(res.cookies.find((c) => c.name === READ_YOUR_WRITES_COOKIE)).toBeUndefined();
      expect(res.headers[READ_YOUR_WRITES_UNTIL_HEADER]).toBeUndefined();
    }
  });

  it("gives an API key that writes the header to send back, which other processes honour", async () => {
    const admin = clientFor(ctx.app, await signIn(ctx.app, "admin").then((h) => () => h));
    const { key } = (
      await admin("POST", "/api/v1/api-keys", { name: "ระบบงบ", scope: "write", unitCodes: ["50450000"] })
    ).json() as { key: string };
    const asKey = clientFor(ctx.app, () => ({ authorization: `Bearer ${key}` }));
    const write = await asKey("PATCH", REF, { targets: "จากระบบอื่น" });
    expect(write.statusCode).toBe(200);
    const until = write.headers[READ_YOUR_WRITES_UNTIL_HEADER] as string;
    expect(Number(until)).toBeGreaterThan(Date.now());
    expect(
      await probe({ authorization: `Bearer ${key}`, [READ_YOUR_WRITES_HEADER]: until }).then((r) => r.mayLag),
    ).toBe(false);
    expect(await probe({ authorization: `Bearer ${key}` }).then((r) => r.mayLag)).toBe(true);
  });

  it("uses the primary outside a request (jobs, scripts)", () => {
    expect(currentReadRoute()).toBeUndefined();
    expect(ctx.db.laggingReads()).toBe(ctx.db.prisma);
  });
});

describe("read replica configuration", () => {
  it("reads DATABASE_REPLICA_URLS as a list of postgres URLs", () => {
    const env = loadEnv({
      DATABASE_URL: "postgres://app@primary/cpm",
      DATABASE_REPLICA_URLS: " postgres://app@replica1/cpm, postgresql://app@replica2:5433/cpm ,",
    });
    expect(env.DATABASE_REPLICA_URLS).toEqual(["postgres://app@replica1/cpm", "postgresql://app@replica2:5433/cpm"]);
    expect(loadEnv({}).DATABASE_REPLICA_URLS).toEqual([]);
  });

  it("refuses a replica URL that is not postgres, and replicas without a PostgreSQL primary", () => {
    expect(() =>
      loadEnv({ DATABASE_URL: "postgres://app@primary/cpm", DATABASE_REPLICA_URLS: "mysql://replica/cpm" }),
    ).toThrow(/DATABASE_REPLICA_URLS.*: each must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(() => loadEnv({ DATABASE_REPLICA_URLS: "postgres://app@replica1/cpm" })).toThrow(
      /DATABASE_REPLICA_URLS: read replicas need a PostgreSQL primary: set DATABASE_URL too/,
    );
  });

  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "cpm-replicas-"));
    return () => rmSync(dataDir, { recursive: true, force: true });
  });
  it("refuses replicas on the embedded database", async () => {
    await expect(openDatabase({ dataDir, replicaUrls: ["postgres://app@replica1/cpm"] })).rejects.toThrow(
      /DATABASE_REPLICA_URLS.*need a PostgreSQL primary in DATABASE_URL/,
    );
  });
});
