import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database";
import { repoRoot } from "../../src/env";
import { createPostgresDatabase, TEST_TODAY } from "../helper";

const run = promisify(execFile);
const apiDir = path.join(repoRoot, "apps/api");
const REFERENCE = readFileSync(
  path.join(repoRoot, "prisma/seed/reference/legacy-project-page-50450000-3247.txt"),
  "utf8",
);

describe("pnpm import:legacy <files or folders>", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cpm-import-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("imports a folder's pages into an empty database, prints a summary, and says unchanged the second time", async () => {
    const pages = path.join(dir, "pages");
    mkdirSync(path.join(pages, "district"), { recursive: true });
    writeFileSync(path.join(pages, "50450000-3247.txt"), REFERENCE);
    writeFileSync(
      path.join(pages, "district", "b.txt"),
      REFERENCE.replaceAll("50450000-3247", "50450000-3248").replaceAll("5045-861", "5045-862"),
    );
    writeFileSync(path.join(pages, "district", "broken.txt"), "not a page\n");
    const server = process.env.TEST_DATABASE_URL ? await createPostgresDatabase(process.env.TEST_DATABASE_URL) : null;
    const env = {
      ...process.env,
      DATA_DIR: path.join(dir, "data"),
      DATABASE_URL: server?.url ?? "",
      APP_TODAY: TEST_TODAY,
      INIT_CWD: dir,
    };
    const command = [
      "--import",
      "./src/runtime/require-node.mjs",
      "--import",
      "tsx",
      "src/imports/legacy-import-command.ts",
      "pages",
    ];
    try {
      const first = await run(process.execPath, command, { cwd: apiDir, env }).catch((error) => error);
      // a page failed: exit code 1, the others imported
      expect(first.code).toBe(1);
      expect(first.stdout).toContain("3 pages: 2 created, 0 updated, 0 unchanged, 1 failed, 2 flagged");
      expect(first.stdout).toMatch(/FAILED {2}pages\/district\/broken\.txt: The page has no header/);
      expect(first.stdout).toContain("flag    50450000-3247 stepDatesOneDay (steps)");
      const again = await run(process.execPath, [...command.slice(0, -1), "--json", "pages/50450000-3247.txt"], {
        cwd: apiDir,
        env,
      });
      expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, unchanged: 1, failed: 0 });
      const db = await openDatabase({ databaseUrl: server?.url, dataDir: env.DATA_DIR });
      try {
        const projects = await db.prisma.project.findMany({ select: { code: true }, orderBy: { code: "asc" } });
        expect(projects.map((p) => p.code)).toEqual(["50450000-3247", "50450000-3248"]);
        expect(await db.prisma.progressReport.count()).toBe(24);
        expect(await db.prisma.auditEvent.count({ where: { action: "project.import" } })).toBe(2);
      } finally {
        await db.close();
      }
    } finally {
      await server?.drop();
    }
    // two child processes, each migrating and importing: slow on a busy machine
  }, 300_000);
});
