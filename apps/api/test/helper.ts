import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { type App, buildApp } from "../src/app";
import { type Database, openDatabase } from "../src/db/database";
import { applyMigrations } from "../src/db/migrate";
import { seedReferenceProject } from "../src/db/seed/reference-project";
import { seedDemoData } from "../src/db/seed/seed-demo";
import { seedStrategyAndPolicies } from "../src/db/seed/strategy";
import { seedUnits } from "../src/db/seed/units";
import { demoPassword, seedDemoUsers } from "../src/db/seed/users";
import { loadEnv } from "../src/env";
import { SESSION_COOKIE } from "../src/plugins/app/auth";

/** The pinned "today" of the API tests: FY 2570, Q1, November 2026. */
export const TEST_TODAY = "2026-11-25";

export interface TestContext {
  app: App;
  db: Database;
}

export async function createPostgresDatabase(
  adminUrl: string,
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `cpm_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A whole app on a fresh database: PGlite in a temporary directory, or a new database on the
 * PostgreSQL server of TEST_DATABASE_URL. `demo` loads the full generated demo data; without it,
 * only the units, the strategy, the policies and the reference project. `replicaServers`: streaming
 * replicas of the TEST_DATABASE_URL server, where the new database is read under the same name.
 * `beforeReady` may add test-only routes.
 */
export async function startTestApp(
  options: {
    demo?: boolean;
    /** without `demo`: load the reference project too (default true) */
    reference?: boolean;
    env?: Record<string, string>;
    replicaServers?: string[];
    beforeReady?: (app: App) => void | Promise<void>;
  } = {},
): Promise<TestContext & { close(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const dataDir = mkdtempSync(path.join(tmpdir(), "cpm-test-"));
  const server = adminUrl ? await createPostgresDatabase(adminUrl) : null;
  const env = loadEnv({
    DATA_DIR: dataDir,
    DATABASE_URL: server?.url,
    DATABASE_REPLICA_URLS: (options.replicaServers ?? [])
      .map((replica) => Object.assign(new URL(replica), { pathname: `/${server?.name}` }).toString())
      .join(","),
    APP_TODAY: TEST_TODAY,
    LOG_LEVEL: "silent",
    // the suites send thousands of requests from one address; the limits have their own test
    RATE_LIMIT_PER_MINUTE: "1000000",
    SIGN_IN_PER_MINUTE: "1000",
    ...options.env,
  });
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    replicaUrls: env.DATABASE_REPLICA_URLS,
  });
  await applyMigrations(db);
  if (options.demo) {
    await seedDemoData(db.prisma, TEST_TODAY);
  } else {
    await db.prisma.$transaction(
      async (tx) => {
        await tx.fiscalYear.create({
          data: { year: 2564, startsOn: new Date("2020-10-01"), endsOn: new Date("2021-09-30") },
        });
        const units = await seedUnits(tx);
        await seedDemoUsers(tx, units);
        await seedStrategyAndPolicies(tx);
        if (options.reference !== false) await seedReferenceProject(tx, units);
      },
      // the seed takes seconds when the machine's two cores are busy: Prisma's 5 s default is not enough
      { timeout: 120_000, maxWait: 60_000 },
    );
  }
  await db.prisma.$executeRawUnsafe("ANALYZE");
  const app = await buildApp({ env, db, logger: false });
  await options.beforeReady?.(app);
  await app.ready();
  return {
    app,
    db,
    async close() {
      await app.close();
      await db.close();
      await server?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Start one app for the test file; the returned object is filled before the first test runs. */
export function useTestApp(options: Parameters<typeof startTestApp>[0] = {}): TestContext {
  const context = {} as TestContext;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const started = await startTestApp(options);
    context.app = started.app;
    context.db = started.db;
    close = started.close;
  });
  afterAll(async () => {
    await close?.();
  });
  return context;
}

/** Every row count that a write could change, to show that a refused request changed nothing. */
export async function snapshotCounts(db: Database) {
  const p = db.prisma;
  const [projects, steps, reports, evaluations, indicators, quarters, policies] = await Promise.all([
    p.project.count(),
    p.planStep.count(),
    p.progressReport.count(),
    p.quarterEvaluation.count(),
    p.indicator.count(),
    p.indicatorQuarterResult.count(),
    p.projectPolicy.count(),
  ]);
  const versions = await p.project.aggregate({ _sum: { version: true } });
  return { projects, steps, reports, evaluations, indicators, quarters, policies, versions: versions._sum.version };
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Sign in as a demo user; the headers carry the session cookie and the CSRF token. */
export async function signIn(app: App, username: string): Promise<Record<string, string>> {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    payload: { username, password: demoPassword(username) },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  return { cookie: `${SESSION_COOKIE}=${cookie?.value}`, "x-csrf-token": res.json().csrfToken };
}

/** The current version of the project or indicator a write URL names, as If-Match sends it. */
export async function currentEtag(
  app: App,
  url: string,
  headers: Record<string, string> = {},
): Promise<string | undefined> {
  const match = /^\/api\/v1\/(projects|indicators)\/([^/?]+)/.exec(url);
  if (!match) return undefined;
  const res = await app.inject({ method: "GET", url: `/api/v1/${match[1]}/${match[2]}`, headers });
  return res.headers.etag as string | undefined;
}

/**
 * A client acting with the given headers (a session or an API key). Writes to an existing
 * project or indicator send its current ETag as If-Match unless the test gives one.
 */
export function clientFor(app: App, auth: () => Record<string, string>) {
  return async (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const all = { ...auth(), ...headers };
    if (method !== "GET" && !("if-match" in all) && !(method === "POST" && /\/(projects|indicators)$/.test(url))) {
      const etag = await currentEtag(app, url, auth());
      if (etag) all["if-match"] = etag;
    }
    return app.inject({ method, url, payload: payload as object, headers: all });
  };
}
