import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { layout } from "../runtime/layout";
import type { Database, SqlSession } from "./database";

/** prisma/migrations, or the build's copy (see runtime/layout.ts); MIGRATIONS_DIR overrides it. */
export const MIGRATIONS_DIR = layout.migrationsDir;

/**
 * The advisory lock every process takes to migrate: the one `prisma migrate deploy` takes too,
 * so neither another app process nor the Prisma CLI applies a migration at the same time.
 */
export const MIGRATION_LOCK_KEY = 72707369;

// Prisma's own bookkeeping table, so that `prisma migrate status` agrees with what ran here.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Apply pending migrations in order. Several processes may start at once on one database: they
 * queue on an advisory lock, and each then reads what is applied and applies only what is left.
 * Each migration file runs whole (one script, so DO $$ … $$ bodies and functions work), in one
 * transaction with its `_prisma_migrations` row: it is applied completely and recorded, or not at all.
 */
export async function applyMigrations(
  db: Pick<Database, "withSqlSession">,
  migrationsDir: string = MIGRATIONS_DIR,
): Promise<string[]> {
  const names = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return db.withSqlSession(async (session) => {
    // waits while another process migrates; released with the session even if this process dies
    await session.exec(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    const unlock = () => session.exec(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    let ran: string[];
    try {
      ran = await applyPending(session, migrationsDir, names);
    } catch (error) {
      await unlock().catch(() => {}); // the session is closed after a failure anyway
      throw error;
    }
    await unlock();
    return ran;
  });
}

async function applyPending(session: SqlSession, migrationsDir: string, names: string[]): Promise<string[]> {
  await session.exec(CREATE_MIGRATIONS_TABLE);
  const applied = await session.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
  );
  const done = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  const ran: string[] = [];
  for (const name of names) {
    const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    const previous = done.get(name);
    if (previous !== undefined) {
      if (previous !== checksum) throw new Error(`Migration ${name} was edited after it was applied`);
      continue;
    }
    await session.exec("BEGIN");
    try {
      await session.exec(sql);
      await session.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, now(), 1)`,
        [randomUUID(), checksum, name],
      );
      await session.exec("COMMIT");
    } catch (error) {
      await session.exec("ROLLBACK").catch(() => {});
      throw new Error(`Migration ${name} failed, nothing of it was applied: ${(error as Error).message}`, {
        cause: error,
      });
    }
    ran.push(name);
  }
  return ran;
}

/**
 * The migrations in `migrationsDir` that the database has not recorded as applied (all of them
 * before the bookkeeping table exists). Read by `/ready`.
 */
export async function pendingMigrations(
  db: Pick<Database, "withSqlSession">,
  migrationsDir: string = MIGRATIONS_DIR,
): Promise<string[]> {
  const names = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const applied = await db.withSqlSession(async (session) => {
    const [table] = await session.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
    if (!table?.t) return [];
    return session.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
  });
  const done = new Set(applied.map((row) => row.migration_name));
  return names.filter((name) => !done.has(name));
}
