import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app";
import { openDatabase } from "../../src/db/database";
import { pendingMigrations } from "../../src/db/migrate";
import { startDatabase } from "../../src/db/startup";
import { loadEnv } from "../../src/env";
import { createPostgresDatabase, TEST_TODAY } from "../helper";

/**
 * A city moving from the embedded database to a PostgreSQL server: the backup of the embedded
 * database (pnpm db:backup) restored by PostgreSQL's own psql serves the same data.
 */
describe("a backup of the embedded database, restored by psql into PostgreSQL", () => {
  const root = mkdtempSync(path.join(tmpdir(), "cpm-to-postgres-"));
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await drop?.();
    rmSync(root, { recursive: true, force: true });
  });

  it("loads without an error and answers as the embedded database did", async () => {
    const env = loadEnv({
      DATA_DIR: path.join(root, "data"),
      DATABASE_URL: "",
      APP_TODAY: TEST_TODAY,
      LOG_LEVEL: "silent",
    });
    const { db: embedded } = await startDatabase(env, TEST_TODAY); // demo data
    const embeddedApp = await buildApp({ env, db: embedded, logger: false });
    const expected = await embeddedApp.inject({ method: "GET", url: "/api/v1/projects/50450000-3247" });
    const expectedList = await embeddedApp.inject({ method: "GET", url: "/api/v1/projects?pageSize=100&sort=code" });
    const sql = await (embedded.dump as () => Promise<string>)();
    await embeddedApp.close();
    await embedded.close();
    const file = path.join(root, "backup.sql");
    writeFileSync(file, sql);

    const server = await createPostgresDatabase(process.env.TEST_DATABASE_URL as string);
    drop = server.drop;
    const psql = spawnSync("psql", ["--quiet", "--set", "ON_ERROR_STOP=1", "--file", file, server.url], {
      encoding: "utf8",
    });
    expect(psql.status, psql.stderr).toBe(0);
    expect(psql.stderr).not.toMatch(/ERROR/);

    const pgEnv = loadEnv({ DATABASE_URL: server.url, APP_TODAY: TEST_TODAY, LOG_LEVEL: "silent" });
    const db = await openDatabase({ databaseUrl: server.url, dataDir: root });
    try {
      expect(await pendingMigrations(db)).toEqual([]);
      const app = await buildApp({ env: pgEnv, db, logger: false });
      const restored = await app.inject({ method: "GET", url: "/api/v1/projects/50450000-3247" });
      const restoredList = await app.inject({ method: "GET", url: "/api/v1/projects?pageSize=100&sort=code" });
      expect(restored.statusCode).toBe(200);
      expect(restored.json()).toEqual(expected.json());
      expect(restoredList.json()).toEqual(expectedList.json());
      await app.close();
    } finally {
      await db.close();
    }
  }, 300_000);
});
