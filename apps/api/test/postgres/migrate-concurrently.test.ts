import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database";
import { applyMigrations, MIGRATION_LOCK_KEY, MIGRATIONS_DIR } from "../../src/db/migrate";
import { createPostgresDatabase } from "../helper";

// Runs only on the PostgreSQL server (vitest.config.ts leaves test/postgres out on the embedded database).
const adminUrl = process.env.TEST_DATABASE_URL as string;
const apiDir = path.resolve(import.meta.dirname, "../..");
const projectMigrations = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface Child {
  ready: Promise<void>;
  go(): void;
  done: Promise<{ code: number | null; ran: string[]; output: string }>;
}

/** A process that opens the database, waits for go(), applies the migrations and reports what it applied. */
function migratingProcess(databaseUrl: string, migrationsDir?: string): Child {
  const child = spawn(process.execPath, ["--import", "tsx", "test/postgres/migrate-once.ts"], {
    cwd: apiDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, MIGRATIONS_DIR: migrationsDir ?? "" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on("data", (chunk) => {
    output += chunk;
    if (output.includes("ready\n")) markReady();
  });
  child.stderr.on("data", (chunk) => (output += chunk));
  const done = new Promise<{ code: number | null; ran: string[]; output: string }>((resolve) =>
    child.on("exit", (code) => {
      markReady();
      const json = output.split("\n").find((line) => line.startsWith("{"));
      resolve({ code, ran: json ? (JSON.parse(json).ran as string[]) : [], output });
    }),
  );
  return { ready, go: () => child.stdin.end("go\n"), done };
}

async function recorded(databaseUrl: string): Promise<{ migration_name: string; n: number }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string; n: number }>(
      `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** Start processes together on one database; every one must succeed, and together apply each migration once. */
async function startTogether(databaseUrl: string, count: number, migrationsDir?: string) {
  const children = Array.from({ length: count }, () => migratingProcess(databaseUrl, migrationsDir));
  await Promise.all(children.map((c) => c.ready));
  for (const child of children) child.go();
  const results = await Promise.all(children.map((c) => c.done));
  for (const result of results) expect(result.code, result.output).toBe(0);
  return results.flatMap((r) => r.ran).sort();
}

describe("several processes starting at once on one PostgreSQL database", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  async function freshServerDatabase() {
    const server = await createPostgresDatabase(adminUrl);
    cleanups.push(server.drop);
    return server.url;
  }

  it("four processes on an empty database: all start, each migration applied and recorded once", async () => {
    const url = await freshServerDatabase();
    expect(await startTogether(url, 4)).toEqual(projectMigrations);
    expect(await recorded(url)).toEqual(projectMigrations.map((name) => ({ migration_name: name, n: 1 })));
  });

  it("four processes on an outdated database apply only what is missing, once", async () => {
    const url = await freshServerDatabase();
    const older = mkdtempSync(path.join(tmpdir(), "cpm-migrations-"));
    cleanups.push(() => rmSync(older, { recursive: true, force: true }));
    const first = projectMigrations[0] as string;
    cpSync(path.join(MIGRATIONS_DIR, first), path.join(older, first), { recursive: true });
    expect(await startTogether(url, 1, older)).toEqual([first]);

    expect(await startTogether(url, 4)).toEqual(projectMigrations.slice(1));
    expect(await recorded(url)).toEqual(projectMigrations.map((name) => ({ migration_name: name, n: 1 })));
  });

  it("waits for the migration lock, and applies slow migrations once from four connections at once", async () => {
    const url = await freshServerDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "cpm-migrations-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const migrations = {
      "20260101000000_slow": `SELECT pg_sleep(0.3);\nCREATE TABLE "a" ("id" INTEGER PRIMARY KEY);\n`,
      "20260102000000_slower": `CREATE TABLE "b" ("id" INTEGER PRIMARY KEY);\nSELECT pg_sleep(0.3);\n`,
    };
    for (const [name, sql] of Object.entries(migrations)) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, "migration.sql"), sql);
    }
    const dbs = await Promise.all(
      [1, 2, 3, 4].map(() => openDatabase({ databaseUrl: url, dataDir: path.join(dir, "unused") })),
    );
    cleanups.push(() => Promise.all(dbs.map((db) => db.close())).then(() => {}));

    // another process (here: a plain connection) holds the lock: nobody migrates meanwhile
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    cleanups.push(() => holder.end());
    await holder.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    let settled = false;
    const all = Promise.all(dbs.map((db) => applyMigrations(db, dir))).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(settled).toBe(false);
    const { rows } = await holder.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
    expect(rows[0].t).toBeNull();
    await holder.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);

    expect((await all).flat().sort()).toEqual(Object.keys(migrations));
    expect(await recorded(url)).toEqual(Object.keys(migrations).map((name) => ({ migration_name: name, n: 1 })));
  });
});
