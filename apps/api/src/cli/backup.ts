// `pnpm db:backup <file>`: a plain SQL dump of the embedded database under DATA_DIR, also while the
// server runs (it is asked over its data directory's socket; see db/backup.ts), readable by psql.
// `pnpm db:restore <file>`: load such a dump into a new embedded database (DATA_DIR missing or empty).
// On a PostgreSQL server (DATABASE_URL) PostgreSQL's own pg_dump and psql do both; this says how.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { backupFromServer, isFreshDataDir, restoreIntoPglite } from "../db/backup";
import { lockDataDir } from "../db/data-dir-lock";
import { openDatabase } from "../db/database";
import { loadEnv } from "../env";

const USAGE = "Usage: pnpm db:backup <file.sql>   |   pnpm db:restore <file.sql>";

/** Paths as the user typed them, relative to where `pnpm` was run (pnpm runs the script in apps/api). */
const fromUser = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

async function backup(file: string): Promise<string> {
  const env = loadEnv();
  if (env.DATABASE_URL) {
    throw new Error(`On a PostgreSQL server use its own tool: pg_dump --no-owner --file ${file} "$DATABASE_URL"`);
  }
  let sql = await backupFromServer(env.DATA_DIR);
  let source = "the running server";
  if (sql === null) {
    // no server on this data directory: open it ourselves (refused, with the owner's pid, if another process holds it)
    const db = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      sql = await (db.dump as () => Promise<string>)();
    } finally {
      await db.close();
    }
    source = "the data directory";
  }
  const target = fromUser(file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(`${target}.partial`, sql);
  renameSync(`${target}.partial`, target); // never a half-written backup under the name
  return `Backed up ${env.DATA_DIR} (from ${source}) to ${target}: ${(Buffer.byteLength(sql) / 1024).toFixed(0)} KB of SQL`;
}

async function restore(file: string): Promise<string> {
  const env = loadEnv();
  if (env.DATABASE_URL) {
    throw new Error(
      `On a PostgreSQL server use psql: psql --set ON_ERROR_STOP=1 --file ${file} "$DATABASE_URL" (into an empty database)`,
    );
  }
  if (!isFreshDataDir(env.DATA_DIR)) {
    throw new Error(
      `${env.DATA_DIR} is not empty: a restore goes into a new data directory (set DATA_DIR to a new folder, then start the server on it)`,
    );
  }
  const sql = readFileSync(fromUser(file), "utf8");
  const unlock = lockDataDir(env.DATA_DIR);
  try {
    await restoreIntoPglite(path.join(env.DATA_DIR, "pglite"), sql);
  } finally {
    unlock();
  }
  return `Restored ${fromUser(file)} into ${env.DATA_DIR}; start the server with DATA_DIR=${env.DATA_DIR}`;
}

const [command, file] = process.argv.slice(2);
const run = command === "backup" ? backup : command === "restore" ? restore : null;
if (!run || !file) {
  console.error(USAGE);
  process.exitCode = 1;
} else {
  run(file).then(
    (message) => console.log(message),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
