// One process starting on the database of DATABASE_URL: opens it, says "ready", waits for a line on
// stdin (so that the test starts several at the same instant), applies pending migrations (of
// MIGRATIONS_DIR, default prisma/migrations), then prints the names it applied as JSON.
// Run by migrate-concurrently.test.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../../src/db/database";
import { applyMigrations } from "../../src/db/migrate";

const dataDir = mkdtempSync(path.join(tmpdir(), "cpm-migrate-once-"));
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
try {
  console.log("ready");
  await new Promise((resolve) => process.stdin.once("data", resolve));
  process.stdin.pause();
  const ran = await applyMigrations(db, process.env.MIGRATIONS_DIR || undefined);
  console.log(JSON.stringify({ ran }));
} finally {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
