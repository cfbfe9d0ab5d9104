import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/database";
import { applyMigrations } from "../../src/db/migrate";
import { createPostgresDatabase } from "../helper";

/** A fresh empty database on this run's engine: PGlite in a temporary directory, or a new database on the server. */
async function freshDatabase(): Promise<{ db: Database; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cpm-migrate-"));
  const adminUrl = process.env.TEST_DATABASE_URL;
  const server = adminUrl ? await createPostgresDatabase(adminUrl) : null;
  const db = await openDatabase({ databaseUrl: server?.url, dataDir });
  return {
    db,
    async dispose() {
      await db.close();
      await server?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A temporary migrations directory: { name: sql }. */
function migrationsDir(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cpm-migrations-"));
  for (const [name, sql] of Object.entries(migrations)) writeMigration(dir, name, sql);
  return dir;
}

function writeMigration(dir: string, name: string, sql: string) {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

// A statement with semicolons inside: split on ";" it would be cut into broken pieces.
const WITH_DOLLAR_QUOTES = `-- CreateTable
CREATE TABLE "note" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL);

DO $$
DECLARE
  i INTEGER;
BEGIN
  FOR i IN 1..3 LOOP
    INSERT INTO "note" VALUES (i, 'first; second;');
  END LOOP;
END
$$;

CREATE FUNCTION note_count() RETURNS INTEGER LANGUAGE plpgsql AS $fn$
BEGIN
  RETURN (SELECT count(*) FROM "note");
END;
$fn$;
`;

describe("applyMigrations", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  async function setUp(migrations: Record<string, string>) {
    const fresh = await freshDatabase();
    cleanups.push(fresh.dispose);
    const dir = migrationsDir(migrations);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return { db: fresh.db, dir };
  }

  it("applies a file with DO $$ … ; … $$ blocks and functions whole, recorded as Prisma records it", async () => {
    const { db, dir } = await setUp({ "20260101000000_notes": WITH_DOLLAR_QUOTES });
    expect(await applyMigrations(db, dir)).toEqual(["20260101000000_notes"]);
    const [count] = await db.prisma.$queryRawUnsafe<{ n: number }[]>("SELECT note_count() AS n");
    expect(count?.n).toBe(3);
    const notes = await db.prisma.$queryRawUnsafe<{ text: string }[]>(`SELECT "text" FROM "note"`);
    expect(notes.map((n) => n.text)).toEqual(["first; second;", "first; second;", "first; second;"]);

    const rows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "_prisma_migrations"`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      migration_name: "20260101000000_notes",
      checksum: sha256(WITH_DOLLAR_QUOTES),
      applied_steps_count: 1,
      logs: null,
      rolled_back_at: null,
    });
    expect(rows[0]?.finished_at).toBeInstanceOf(Date);
    expect(rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);

    // applied once: a second start has nothing to do
    expect(await applyMigrations(db, dir)).toEqual([]);
  });

  it("applies nothing of a migration that fails, records nothing, and applies it once fixed", async () => {
    const { db, dir } = await setUp({
      "20260101000000_first": `CREATE TABLE "a" ("id" INTEGER PRIMARY KEY);`,
      "20260102000000_broken": `CREATE TABLE "b" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "missing" VALUES (1);\n`,
    });
    await expect(applyMigrations(db, dir)).rejects.toThrow(/Migration 20260102000000_broken failed.*"missing"/);
    const tables = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name::text AS name FROM information_schema.tables WHERE table_name IN ('a', 'b') ORDER BY 1`,
    );
    expect(tables.map((t) => t.name)).toEqual(["a"]);
    const recorded = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations"`,
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(["20260101000000_first"]);

    // the database is usable and the lock was released: the fixed file applies
    writeMigration(dir, "20260102000000_broken", `CREATE TABLE "b" ("id" INTEGER PRIMARY KEY);\n`);
    expect(await applyMigrations(db, dir)).toEqual(["20260102000000_broken"]);
  });

  it("refuses a migration edited after it was applied", async () => {
    const { db, dir } = await setUp({ "20260101000000_first": `CREATE TABLE "a" ("id" INTEGER PRIMARY KEY);` });
    await applyMigrations(db, dir);
    writeMigration(dir, "20260101000000_first", `CREATE TABLE "a" ("id" BIGINT PRIMARY KEY);`);
    await expect(applyMigrations(db, dir)).rejects.toThrow(
      "Migration 20260101000000_first was edited after it was applied",
    );
  });

  it("applies the project's migrations, each recorded once with its file's checksum", async () => {
    const { db } = await setUp({});
    const ran = await applyMigrations(db);
    expect(ran.length).toBeGreaterThan(0);
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const root = path.resolve(import.meta.dirname, "../../../..");
    expect(rows).toEqual(
      ran.map((name) => ({
        migration_name: name,
        checksum: sha256(readFileSync(path.join(root, "prisma/migrations", name, "migration.sql"), "utf8")),
      })),
    );
    expect(await applyMigrations(db)).toEqual([]);
  });
});
