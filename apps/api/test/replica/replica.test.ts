import { execSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app";
import { REPLICA_RETRY_AFTER_MS } from "../../src/db/database";
import type { PrismaClient } from "../../src/generated/prisma/client";
import {
  READ_YOUR_WRITES_COOKIE,
  READ_YOUR_WRITES_HEADER,
  READ_YOUR_WRITES_UNTIL_HEADER,
} from "../../src/plugins/app/read-routing";
import { clientFor, signIn, startTestApp, type TestContext } from "../helper";

// Run by `pnpm test:replica` (scripts/with-streaming-replica.sh): a throwaway primary and a real
// streaming replica of it. vitest.config.ts leaves this directory out when REPLICA_URL is unset.
const { PRIMARY_URL, REPLICA_URL, REPLICA_STOP_CMD, REPLICA_START_CMD } = process.env;
if (
  !PRIMARY_URL ||
  !REPLICA_URL ||
  !REPLICA_STOP_CMD ||
  !REPLICA_START_CMD ||
  process.env.TEST_DATABASE_URL !== PRIMARY_URL
) {
  throw new Error("run through scripts/with-streaming-replica.sh (pnpm test:replica)");
}

const REF = "/api/v1/projects/50450000-3247";

/** Every lagging-reads client handed out, to see the round-robin. */
const handedOut = new Set<PrismaClient>();

/** Test-only routes: which server answers a request's lagging reads, and what it sees. */
function probeRoutes(app: App) {
  const answer = async () => {
    const client = app.db.laggingReads();
    handedOut.add(client);
    const [row] = await client.$queryRaw<{ recovery: boolean; reports: number }[]>`
      SELECT pg_is_in_recovery() AS recovery, (SELECT count(*)::int FROM progress_report) AS reports`;
    return {
      onReplica: row?.recovery,
      reports: row?.reports,
      primary: client === app.db.prisma,
      // one replica for the whole request
      sameClient: app.db.laggingReads() === client,
    };
  };
  app.get("/test/lagging", { config: { access: "public" } }, answer);
  app.post("/test/lagging", { config: { access: "public" } }, answer);
  app.get("/test/lagging-write", { config: { access: "public" } }, async () => {
    try {
      await app.db.laggingReads().$executeRaw`INSERT INTO policy (code, name) VALUES ('TEST-RO', 'write on a replica')`;
      return { error: null };
    } catch (error) {
      return { error: (error as Error).message };
    }
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Wait until the replica has replayed everything the primary wrote so far. */
async function replicaCaughtUp() {
  const [primary] = await query<{ lsn: string }>(PRIMARY_URL as string, "SELECT pg_current_wal_lsn()::text AS lsn");
  for (let i = 0; i < 200; i++) {
    const [replica] = await query<{ behind: boolean }>(
      REPLICA_URL as string,
      `SELECT pg_last_wal_replay_lsn() < '${primary?.lsn}'::pg_lsn AS behind`,
    );
    if (replica && !replica.behind) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the replica did not catch up within 10 s");
}

describe("reads from a streaming replica", () => {
  const ctx = {} as TestContext & { close(): Promise<void>; primaryDb: string; replicaDb: string };
  beforeAll(async () => {
    // the same replica twice: two replica clients, to see the round-robin
    Object.assign(ctx, await startTestApp({ replicaServers: [REPLICA_URL, REPLICA_URL], beforeReady: probeRoutes }));
    const [{ name }] = (await ctx.db.prisma.$queryRaw`SELECT current_database()::text AS name`) as [{ name: string }];
    ctx.primaryDb = Object.assign(new URL(PRIMARY_URL), { pathname: `/${name}` }).toString();
    ctx.replicaDb = Object.assign(new URL(REPLICA_URL), { pathname: `/${name}` }).toString();
    await replicaCaughtUp();
  });
  afterAll(async () => {
    await ctx.close?.();
  });
  const probe = async (headers: Record<string, string> = {}, method: "GET" | "POST" = "GET") => {
    const res = await ctx.app.inject({
      method,
      url: "/test/lagging",
      headers,
      payload: method === "POST" ? {} : undefined,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { onReplica: boolean; reports: number; primary: boolean; sameClient: boolean };
  };

  it("serves a GET without recent writes from a replica, round-robin, one replica per request", async () => {
    handedOut.clear();
    for (let i = 0; i < 4; i++) {
      expect(await probe()).toMatchObject({ onReplica: true, primary: false, sameClient: true });
    }
    expect(handedOut.size).toBe(2);
    expect(handedOut.has(ctx.db.prisma)).toBe(false);
    // outside a request: the primary
    expect(ctx.db.laggingReads()).toBe(ctx.db.prisma);
  });

  it("writes on the primary; the writer then reads its write from the primary while others may lag", async () => {
    const officer = await signIn(ctx.app, "officer.wangthonglang");
    const asOfficer = clientFor(ctx.app, () => officer);
    await replicaCaughtUp();
    const before = await probe();
    expect(before.onReplica).toBe(true);

    // hold the replica back, so that its lag shows
    await query(ctx.replicaDb, "SELECT pg_wal_replay_pause()");
    try {
      const write = await asOfficer("POST", `${REF}/reports`, {
        reportDate: "2021-09-30",
        percent: 100,
        narrative: "อ่านจากฐานข้อมูลหลักหลังเขียน",
      });
      expect(write.statusCode, write.body).toBe(201);
      const [onPrimary] = await query<{ n: number }>(
        ctx.primaryDb,
        `SELECT count(*)::int AS n FROM progress_report WHERE narrative = 'อ่านจากฐานข้อมูลหลักหลังเขียน'`,
      );
      expect(onPrimary?.n).toBe(1);
      // lagging reads inside a write are the primary's
      expect(await probe({}, "POST")).toMatchObject({ onReplica: false, primary: true });

      const rw = write.cookies.find((c) => c.name === READ_YOUR_WRITES_COOKIE);
      expect(rw).toBeDefined();
      const writer = await probe({ cookie: `${officer.cookie}; ${READ_YOUR_WRITES_COOKIE}=${rw?.value}` });
      expect(writer).toMatchObject({ onReplica: false, primary: true, reports: before.reports + 1 });

      // another client reads the replica, which has not replayed the write yet
      const other = await probe();
      expect(other).toMatchObject({ onReplica: true, reports: before.reports });

      // another system that was told the time (X-Read-Your-Writes-Until) reads from the primary too
      const until = write.headers[READ_YOUR_WRITES_UNTIL_HEADER] as string;
      expect(await probe({ [READ_YOUR_WRITES_HEADER]: until })).toMatchObject({ onReplica: false });
    } finally {
      await query(ctx.replicaDb, "SELECT pg_wal_replay_resume()");
    }
    await replicaCaughtUp();
    expect(await probe()).toMatchObject({ onReplica: true, reports: before.reports + 1 });
  });

  it("refuses a write on the replica (read-only), and does not move it to the primary", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/test/lagging-write" });
    expect(res.json().error).toMatch(/read-only transaction/);
    await expect(query(ctx.replicaDb, "CREATE TABLE nope (id int)")).rejects.toThrow(/read-only transaction/);
    const [row] = await query<{ n: number }>(
      ctx.primaryDb,
      "SELECT count(*)::int AS n FROM policy WHERE code = 'TEST-RO'",
    );
    expect(row?.n).toBe(0);
  });

  it("keeps answering reads from the primary when the replica stops", async () => {
    expect(await probe()).toMatchObject({ onReplica: true });
    execSync(REPLICA_STOP_CMD as string, { stdio: "ignore" });
    const started = Date.now();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await probe());
    // all answered by the primary: first through a replica client that fell back, then directly
    for (const answer of answers) expect(answer).toMatchObject({ onReplica: false, reports: expect.any(Number) });
    expect(answers[0]).toMatchObject({ primary: false, sameClient: false });
    expect(answers[3]).toMatchObject({ primary: true });
    const page = await ctx.app.inject({ method: "GET", url: REF });
    expect(page.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(REPLICA_RETRY_AFTER_MS);

    // back up: tried again once the pause is over
    execSync(REPLICA_START_CMD as string, { stdio: "ignore" });
    await new Promise((resolve) => setTimeout(resolve, REPLICA_RETRY_AFTER_MS - (Date.now() - started) + 100));
    await replicaCaughtUp();
    expect(await probe()).toMatchObject({ onReplica: true, primary: false });
  });
});
