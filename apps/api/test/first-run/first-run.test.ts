import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../src/app";
import { verifyPassword } from "../../src/auth/passwords";
import type { Database } from "../../src/db/database";
import { DEMO_USERS, demoPassword } from "../../src/db/seed/users";
import { startDatabase } from "../../src/db/startup";
import { loadEnv } from "../../src/env";
import { SESSION_COOKIE } from "../../src/plugins/app/auth";
import { createPostgresDatabase, TEST_TODAY } from "../helper";

const apiDir = path.resolve(import.meta.dirname, "../..");
const PASSWORD = "ห้ามพิมพ์ออกมา-2570-secret";

/** units.csv as a city would write it: a byte-order mark, CRLF, Thai names, a quoted name with a comma. */
const UNITS_CSV =
  "\uFEFFcode,name,parent,kind,name_en\r\n" +
  "00000000,กรุงเทพมหานคร,,city,Bangkok Metropolitan Administration\r\n" +
  '50450000,"สำนักงานเขตวังทองหลาง, กรุงเทพฯ",00000000,district,\r\n' +
  "50451000,ฝ่ายปกครอง,50450000,division,\r\n" +
  "14000000,สำนักการคลัง,00000000,department,Finance Department\r\n";

describe("first run on an empty database (SEED_DEMO=false)", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cpm-first-run-"));
  let server: Awaited<ReturnType<typeof createPostgresDatabase>> | null = null;
  let db: Database;
  let app: App;
  let envVars: Record<string, string> = {};

  beforeAll(async () => {
    const adminUrl = process.env.TEST_DATABASE_URL;
    server = adminUrl ? await createPostgresDatabase(adminUrl) : null;
    envVars = { DATA_DIR: dataDir, DATABASE_URL: server?.url ?? "", APP_TODAY: TEST_TODAY, SEED_DEMO: "false" };
    const env = loadEnv({ ...envVars, LOG_LEVEL: "silent", COOKIE_SECURE: "false" });
    ({ db } = await startDatabase(env, TEST_TODAY));
    // the commands need the embedded database to themselves: closed while they run
    await db.close();
  });

  afterAll(async () => {
    await app?.close();
    await db?.close().catch(() => {});
    await server?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const admin = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/admin.ts", ...args], {
      cwd: apiDir,
      env: { ...process.env, ...envVars, ...options.env },
      input: options.input ?? "",
      encoding: "utf8",
    });

  it("creates the first admin from ADMIN_PASSWORD or a piped line, never printing the password", async () => {
    const first = admin(["create", "chief.admin", "--name", "หัวหน้าผู้ดูแลระบบ"], { env: { ADMIN_PASSWORD: PASSWORD } });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("Created admin chief.admin");
    expect(first.stdout + first.stderr).not.toContain(PASSWORD);

    const piped = admin(["create", "second.admin"], { input: `${PASSWORD}\n` });
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stdout + piped.stderr).not.toContain(PASSWORD);

    const short = admin(["create", "third.admin"], { env: { ADMIN_PASSWORD: "short" } });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("password");
    expect(short.stderr).not.toContain("short\n");

    const taken = admin(["create", "chief.admin"], { env: { ADMIN_PASSWORD: PASSWORD } });
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain("taken");
  }, 300_000); // each command is a process of its own

  it("imports units and fiscal years from the command line; a bad file changes nothing", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cpm-units-"));
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "code,name,parent,kind\n00000000,กรุงเทพมหานคร,,city\n5045,เขต,00000000,district\n");
    const refused = admin(["import-units", bad]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("rows[3].code");
    expect(refused.stderr).toContain("แถวที่ 3");

    const good = path.join(dir, "units.csv");
    writeFileSync(good, UNITS_CSV);
    const imported = admin(["import-units", good]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("4 created, 0 already there");
    const again = admin(["import-units", good]);
    expect(again.stdout).toContain("0 created, 4 already there");

    const years = admin(["add-fiscal-years", "2569", "2570"]);
    expect(years.status, years.stderr).toBe(0);
    expect(years.stdout).toContain("2569, 2570 added");
    expect(admin(["add-fiscal-years", "70"]).status).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  describe("then served", () => {
    const signIn = async (username: string, password: string) =>
      app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { username, password } });
    let headers: Record<string, string> = {};

    beforeAll(async () => {
      const env = loadEnv({
        ...envVars,
        LOG_LEVEL: "silent",
        COOKIE_SECURE: "false",
        RATE_LIMIT_PER_MINUTE: "100000",
        SIGN_IN_PER_MINUTE: "1000",
      });
      ({ db } = await startDatabase(env, TEST_TODAY));
      app = await buildApp({ env, db, logger: false });
      await app.ready();
      const res = await signIn("chief.admin", PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
      headers = {
        cookie: `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)?.value}`,
        "x-csrf-token": res.json().csrfToken,
      };
    });

    it("has no demo user: only the admins created, and no demo sign-in works", async () => {
      const users = await db.prisma.user.findMany({ select: { username: true, role: true, passwordHash: true } });
      expect(users.map((u) => u.username).sort()).toEqual(["chief.admin", "second.admin"]);
      expect(users.every((u) => u.role === "admin")).toBe(true);
      expect(users.every((u) => !u.passwordHash.includes(PASSWORD))).toBe(true);
      expect(await verifyPassword(PASSWORD, users[0]?.passwordHash ?? "")).toBe(true);
      for (const demo of DEMO_USERS) {
        expect((await signIn(demo.username, demoPassword(demo.username))).statusCode, demo.username).toBe(401);
      }
      expect(await db.prisma.project.count()).toBe(0);
    });

    it("the units arrive with their Thai names byte for byte, under their parents", async () => {
      const res = await app.inject({ method: "GET", url: "/api/v1/units/50450000" });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        name: "สำนักงานเขตวังทองหลาง, กรุงเทพฯ",
        kind: "district",
        parentCode: "00000000",
        children: [{ code: "50451000", name: "ฝ่ายปกครอง", kind: "division" }],
      });
      const years = await db.prisma.fiscalYear.findMany({ orderBy: { year: "asc" } });
      expect(
        years.map((y) => [y.year, y.startsOn.toISOString().slice(0, 10), y.endsOn.toISOString().slice(0, 10)]),
      ).toEqual([
        [2569, "2025-10-01", "2026-09-30"],
        [2570, "2026-10-01", "2027-09-30"],
      ]);
    });

    it("imports units from the admin page: admins only", async () => {
      const csv = "code,name,parent,kind\n21000000,สำนักยุทธศาสตร์และประเมินผล,00000000,department\n";
      const anonymous = await app.inject({
        method: "POST",
        url: "/api/v1/units/import",
        payload: { csv },
      });
      expect(anonymous.statusCode).toBe(401);

      const officer = await app.inject({
        method: "POST",
        url: "/api/v1/users",
        headers,
        payload: {
          username: "officer.first",
          displayName: "เจ้าหน้าที่คนแรก",
          password: "officer-password-1",
          role: "officer",
          unitCode: "50450000",
        },
      });
      expect(officer.statusCode, officer.body).toBe(201);
      const signedIn = await signIn("officer.first", "officer-password-1");
      const officerHeaders = {
        cookie: `${SESSION_COOKIE}=${signedIn.cookies.find((c) => c.name === SESSION_COOKIE)?.value}`,
        "x-csrf-token": signedIn.json().csrfToken,
      };
      const forbidden = await app.inject({
        method: "POST",
        url: "/api/v1/units/import",
        headers: officerHeaders,
        payload: { csv },
      });
      expect(forbidden.statusCode).toBe(403);
      expect(await db.prisma.orgUnit.count({ where: { code: "21000000" } })).toBe(0);

      // the city dashboard, answered (and kept) before the import, must show the new unit after it
      const dashboardUrl = "/api/v1/dashboard?fiscalYear=2570";
      const before = await app.inject({ method: "GET", url: dashboardUrl });
      expect(before.statusCode, before.body).toBe(200);
      expect(before.json().units.map((u: { unitCode: string }) => u.unitCode)).not.toContain("21000000");

      const ok = await app.inject({
        method: "POST",
        url: "/api/v1/units/import",
        headers,
        payload: { csv },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toEqual({ created: ["21000000"], unchanged: [] });
      const after = await app.inject({
        method: "GET",
        url: dashboardUrl,
        headers: { "if-none-match": String(before.headers.etag) },
      });
      expect(after.statusCode).toBe(200);
      expect(after.json().units.map((u: { unitCode: string }) => u.unitCode)).toContain("21000000");
    });

    it("refuses a file with any bad row: 400 naming each line and column, and nothing imported", async () => {
      const before = await db.prisma.orgUnit.count();
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/units/import",
        headers,
        payload: {
          csv:
            "code,name,parent,kind\n" +
            "30000000,สำนักใหม่ที่ถูกต้อง,00000000,department\n" +
            "30010000,ฝ่ายใต้ต้นสังกัดที่ไม่มี,39999999,division\n" +
            "30020000,,00000000,department\n" +
            "30000000,ซ้ำ,00000000,department\n",
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
        ["rows[3].parent", "unknownParent"],
        ["rows[4].name", "invalid"],
        ["rows[5].code", "duplicate"],
      ]);
      expect(await db.prisma.orgUnit.count()).toBe(before);
      expect(await db.prisma.orgUnit.count({ where: { code: "30000000" } })).toBe(0);

      const noColumns = await app.inject({
        method: "POST",
        url: "/api/v1/units/import",
        headers,
        payload: { csv: "รหัส,ชื่อ\n1,2\n" },
      });
      expect(noColumns.statusCode).toBe(400);
      expect(noColumns.json().errors.map((e: { path: string }) => e.path)).toEqual([
        "columns.code",
        "columns.name",
        "columns.parent",
        "columns.kind",
      ]);
    });

    it("adds fiscal years from the admin page, admins only, bounded", async () => {
      const ok = await app.inject({
        method: "POST",
        url: "/api/v1/fiscal-years",
        headers,
        payload: { years: [2570, 2571] },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toEqual({ created: [2571], unchanged: [2570] });
      const bad = await app.inject({ method: "POST", url: "/api/v1/fiscal-years", headers, payload: { years: [70] } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe("years.0");
      const anonymous = await app.inject({ method: "POST", url: "/api/v1/fiscal-years", payload: { years: [2572] } });
      expect(anonymous.statusCode).toBe(401);
      expect(await db.prisma.fiscalYear.count({ where: { year: 2572 } })).toBe(0);
    });
  });
});
