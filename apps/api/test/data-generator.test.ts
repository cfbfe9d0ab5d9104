import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { searchText, thaiSortKey } from "@cpm/schema/rules";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../src/db/database";
import { DatabaseNotEmptyError, generateData, type Summary } from "../src/db/generate/generate-data";
import type { GenerateSize } from "../src/db/generate/presets";
import { BULK_TABLE_NAMES } from "../src/db/generate/tables";
import {
  ACTIVITIES,
  FIRST_STEP,
  LAST_STEP,
  MIDDLE_STEPS,
  NARRATIVES,
  NONE,
  PROBLEMS,
} from "../src/db/generate/vocabulary";
import { REFERENCE_PROJECT } from "../src/db/seed/reference-project";
import { readUnitsCsv } from "../src/db/seed/units";
import { DEMO_USERS } from "../src/db/seed/users";

const TODAY = "2026-11-25";
const SMALL: GenerateSize = { units: 3, projectsPerUnit: 4, fiscalYears: 1 };
/** Beyond Bangkok's 70 top-level units: the generated districts, departments and divisions. */
const WIDE: GenerateSize = { units: 75, projectsPerUnit: 1, fiscalYears: 2 };

/** A fresh database: PGlite in a temporary directory, or a new one on the server of TEST_DATABASE_URL. */
async function freshDatabase(): Promise<{ db: Database; url?: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const dataDir = mkdtempSync(path.join(tmpdir(), "cpm-generate-"));
  if (!adminUrl) {
    const db = await openDatabase({ dataDir });
    return { db, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `cpm_generate_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir });
  return {
    db,
    url: url.toString(),
    async drop() {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let target: Awaited<ReturnType<typeof freshDatabase>>;
let summary: Summary;
const generate = (preset: GenerateSize, replace: boolean) =>
  generateData(target.db, { preset, today: TODAY, replace, databaseUrl: target.url });
const query = <T>(sql: string) => target.db.prisma.$queryRawUnsafe<T[]>(sql);
const count = async (sql: string) => (await query<{ n: number }>(`SELECT (${sql})::int AS n`))[0]?.n;

/** Everything a run writes, as one hash (timestamps the database sets itself left out). */
async function fingerprint(): Promise<string | undefined> {
  const [row] = await query<{ hash: string }>(`SELECT md5(concat(
    (SELECT string_agg(concat_ws(',', id, code, name, parent_id, kind), '|' ORDER BY id) FROM org_unit),
    (SELECT string_agg(concat_ws(',', id, code, unit_id, fiscal_year, name, name_search, name_sort_key, responsible_officer,
       responsible_unit_id, budget_unit_id, rationale, objectives, targets, strategy_node_id, budget_allocated,
       budget_spent, planned_start, planned_finish), '|' ORDER BY id) FROM project),
    (SELECT string_agg(concat_ws(',', id, project_id, step_order, name, weight, planned_start, planned_end, actual_start,
       actual_end, completion), '|' ORDER BY id) FROM plan_step),
    (SELECT string_agg(concat_ws(',', id, project_id, report_date, percent, narrative, problems, obstacles), '|' ORDER BY id)
       FROM progress_report),
    (SELECT string_agg(concat_ws(',', project_id, quarter, score, note), '|' ORDER BY project_id, quarter) FROM quarter_evaluation),
    (SELECT string_agg(concat_ws(',', id, code, unit_id, name, measure_unit, target, achieved, type, result_level), '|' ORDER BY id)
       FROM indicator),
    (SELECT string_agg(concat_ws(',', project_id, indicator_id), '|' ORDER BY project_id, indicator_id) FROM project_indicator),
    (SELECT string_agg(concat_ws(',', indicator_id, quarter, value, score_2_1, score_2_2), '|' ORDER BY indicator_id, quarter)
       FROM indicator_quarter_result),
    (SELECT string_agg(concat_ws(',', project_id, policy_code), '|' ORDER BY project_id, policy_code) FROM project_policy)
  )) AS hash`);
  return row?.hash;
}

/** Units not reachable from the city (the root) by parent links. */
const unreachableUnits = () =>
  count(`WITH RECURSIVE tree AS (
      SELECT id FROM org_unit WHERE parent_id IS NULL AND code = '00000000'
      UNION ALL SELECT u.id FROM org_unit u JOIN tree t ON u.parent_id = t.id)
    SELECT count(*) FROM org_unit WHERE id NOT IN (SELECT id FROM tree)`);

/** Rows whose foreign key names no row (the bulk load may run with the checks off), per constraint. */
async function orphans(): Promise<Record<string, number>> {
  const keys = await query<{ child: string; column: string; parent: string; parentColumn: string }>(`
    SELECT c.conrelid::regclass::text AS child, a.attname::text AS column,
           c.confrelid::regclass::text AS parent, af.attname::text AS "parentColumn"
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`);
  expect(keys.length).toBeGreaterThan(10);
  const found: Record<string, number> = {};
  for (const key of keys) {
    const n = await count(
      `SELECT count(*) FROM ${key.child} c WHERE c."${key.column}" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE p."${key.parentColumn}" = c."${key.column}")`,
    );
    if (n) found[`${key.child}.${key.column}`] = n;
  }
  return found;
}

beforeAll(async () => {
  target = await freshDatabase();
  summary = await generate(SMALL, false);
}, 180_000);

afterAll(async () => {
  await target?.db.close();
  await target?.drop();
});

describe("data generator, small size", () => {
  it("makes the size asked, plus the known data, and reports what it made", async () => {
    const generated = SMALL.units * SMALL.projectsPerUnit * SMALL.fiscalYears;
    expect(await count("SELECT count(*) FROM project")).toBe(generated + 1); // + the reference project
    expect(await count("SELECT count(*) FROM org_unit")).toBe(readUnitsCsv().length + 2); // + the city and one division
    expect(await count("SELECT count(DISTINCT unit_id) FROM project WHERE code <> '50450000-3247'")).toBe(SMALL.units);
    // the demo users, each once
    expect(await count("SELECT count(DISTINCT username) FROM app_user")).toBe(DEMO_USERS.length);
    expect(await count("SELECT count(*) FROM app_user")).toBe(DEMO_USERS.length);
    // 4–8 steps a project, 1–3 KPIs a project, ceil(projects / 2) KPIs a unit and year
    expect(
      await count(`SELECT count(*) FROM (SELECT project_id, count(*) AS n FROM plan_step GROUP BY project_id) s
                    WHERE n NOT BETWEEN 4 AND 8 AND project_id <> (SELECT id FROM project WHERE code = '50450000-3247')`),
    ).toBe(0);
    expect(
      await count(
        "SELECT count(*) FROM project p WHERE (SELECT count(*) FROM project_indicator i WHERE i.project_id = p.id) NOT BETWEEN 1 AND 3",
      ),
    ).toBe(0);
    expect(await count("SELECT count(*) FROM indicator")).toBe(SMALL.units * Math.ceil(SMALL.projectsPerUnit / 2) + 1);
    for (const table of [...BULK_TABLE_NAMES, "app_user", "fiscal_year"]) {
      expect(summary.rows[table], table).toBe(await count(`SELECT count(*) FROM ${table}`));
    }
    expect(summary.fiscalYears).toEqual([2570]);
  });

  it("gives every plan weights of exactly 100.00, with two decimals", async () => {
    expect(
      await count("SELECT count(*) FROM (SELECT sum(weight) AS s FROM plan_step GROUP BY project_id) w WHERE s <> 100"),
    ).toBe(0);
    expect(await count("SELECT count(*) FROM plan_step WHERE weight <= 0 OR weight <> round(weight, 2)")).toBe(0);
    expect(await count("SELECT count(*) FROM plan_step WHERE completion NOT BETWEEN 0 AND 100")).toBe(0);
  });

  it("dates reports no later than today, with cumulative percents of 0–100", async () => {
    expect(await count("SELECT count(*) FROM progress_report")).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) FROM progress_report WHERE report_date > DATE '${TODAY}'`)).toBe(0);
    expect(
      await count(
        "SELECT count(*) FROM progress_report WHERE percent NOT BETWEEN 0 AND 100 OR percent <> round(percent, 2)",
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM plan_step WHERE actual_start > DATE '${TODAY}' OR actual_end > DATE '${TODAY}'`,
      ),
    ).toBe(0);
  });

  it("never spends more than the allocated budget", async () => {
    expect(await count("SELECT count(*) FROM project WHERE budget_spent > budget_allocated")).toBe(0);
    expect(
      await count("SELECT count(*) FROM project WHERE budget_spent IS NOT NULL AND budget_allocated IS NULL"),
    ).toBe(0);
  });

  it("dates spending by the reports: never falling, within the allocation, the project's budget_spent the latest", async () => {
    expect(await count("SELECT count(*) FROM project_spending")).toBeGreaterThan(0);
    // one amount a report day, as of that report's date
    expect(
      await count(`SELECT count(*) FROM project_spending s WHERE NOT EXISTS (
        SELECT 1 FROM progress_report r WHERE r.project_id = s.project_id AND r.report_date = s.spent_as_of)`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) FROM project_spending s JOIN project p ON p.id = s.project_id
        WHERE s.amount > p.budget_allocated OR s.spent_as_of > DATE '${TODAY}'`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) FROM (SELECT amount < lag(amount) OVER (PARTITION BY project_id ORDER BY spent_as_of)
        AS falls FROM project_spending) s WHERE falls`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) FROM project p WHERE EXISTS (SELECT 1 FROM project_spending s WHERE s.project_id = p.id)
        AND p.budget_spent IS DISTINCT FROM (SELECT s.amount FROM project_spending s WHERE s.project_id = p.id
          ORDER BY s.spent_as_of DESC LIMIT 1)`),
    ).toBe(0);
  });

  it("leaves no row without the row its foreign keys name", async () => {
    expect(await orphans()).toEqual({});
  });

  it("keeps the unit tree connected under the city", async () => {
    expect(await count("SELECT count(*) FROM org_unit WHERE parent_id IS NULL")).toBe(1);
    expect(await unreachableUnits()).toBe(0);
  });

  it("stores Thai text exactly, with its search and sort forms", async () => {
    const units = await target.db.prisma.orgUnit.findMany({ select: { code: true, name: true } });
    const byCode = new Map(units.map((unit) => [unit.code, unit.name]));
    for (const unit of readUnitsCsv()) expect(byCode.get(unit.code)).toBe(unit.name);
    const reference = await target.db.prisma.project.findUniqueOrThrow({ where: { code: REFERENCE_PROJECT.code } });
    expect(reference.rationale).toBe(REFERENCE_PROJECT.rationale);
    const projects = await target.db.prisma.project.findMany({
      select: { name: true, nameSearch: true, nameSortKey: true, objectives: true, code: true },
    });
    for (const project of projects) {
      expect(project.name).toMatch(/[\u0E01-\u0E4F]/);
      expect(project.name).not.toContain("\uFFFD");
      expect(project.nameSearch).toBe(searchText(project.name));
      expect(project.nameSortKey).toBe(thaiSortKey(project.name));
      if (project.code === REFERENCE_PROJECT.code) continue;
      expect(project.objectives).toMatch(/^1\. เพื่อ.+\n2\. เพื่อ.+\n3\. /);
      // the generator's phrases come back byte for byte (some names in the legacy spelling of ำ)
      const name = project.name.replaceAll("\u0E4D\u0E32", "\u0E33");
      expect(
        ACTIVITIES.some((activity) => name.startsWith(`โครงการ${activity}`)),
        name,
      ).toBe(true);
    }
    const generated = { project: { code: { not: REFERENCE_PROJECT.code } } };
    const stepNames = new Set<string>([FIRST_STEP, ...MIDDLE_STEPS, LAST_STEP]);
    for (const step of await target.db.prisma.planStep.findMany({ where: generated, select: { name: true } })) {
      expect(stepNames.has(step.name), step.name).toBe(true);
    }
    const reports = await target.db.prisma.progressReport.findMany({
      where: generated,
      select: { narrative: true, problems: true },
    });
    const narratives = [...NARRATIVES, "ดำเนินการแล้วเสร็จ"];
    for (const report of reports) {
      expect(
        narratives.some((narrative) => report.narrative.endsWith(narrative)),
        report.narrative,
      ).toBe(true);
      expect([NONE, ...PROBLEMS]).toContain(report.problems);
    }
  });

  it("refuses a database that holds data, and changes nothing", async () => {
    const before = await fingerprint();
    await expect(generate(SMALL, false)).rejects.toThrow(DatabaseNotEmptyError);
    await expect(generate(SMALL, false)).rejects.toThrow(/--replace/);
    expect(await fingerprint()).toBe(before);
  });

  it("generates the same data again for the same size and today, with --replace", { timeout: 120_000 }, async () => {
    const before = await fingerprint();
    await generate(SMALL, true);
    expect(await fingerprint()).toBe(before);
  });

  it("adds districts, departments and divisions beyond the known units, in one tree", {
    timeout: 120_000,
  }, async () => {
    const wide = await generate(WIDE, true);
    expect(await count("SELECT count(*) FROM project")).toBe(WIDE.units * WIDE.projectsPerUnit * WIDE.fiscalYears + 1);
    expect(wide.fiscalYears).toEqual([2569, 2570]);
    expect(await count("SELECT count(*) FROM org_unit WHERE kind IN ('district', 'department')")).toBe(70);
    expect(await count("SELECT count(*) FROM org_unit WHERE code LIKE '50__0000' AND kind = 'district'")).toBe(50);
    // 75 owners: the 70 top-level units and five divisions, plus the city and the known division
    expect(await count("SELECT count(*) FROM org_unit")).toBe(WIDE.units + 2);
    expect(await count("SELECT count(*) FROM org_unit WHERE code !~ '^[0-9]{8}$'")).toBe(0);
    expect(
      await count(`SELECT count(*) FROM org_unit d JOIN org_unit p ON p.id = d.parent_id
                    WHERE d.kind = 'division' AND left(d.code, 4) <> left(p.code, 4)`),
    ).toBe(0);
    expect(await unreachableUnits()).toBe(0);
    expect(await orphans()).toEqual({});
    expect(
      await count("SELECT count(*) FROM (SELECT sum(weight) AS s FROM plan_step GROUP BY project_id) w WHERE s <> 100"),
    ).toBe(0);
    // the sequences were moved past the generated ids: the app's next insert gets a free one
    const city = await target.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: "00000000" } });
    const added = await target.db.prisma.orgUnit.create({
      data: {
        code: "99990000",
        name: "หน่วยงานทดสอบ",
        nameSearch: "หน่วยงานทดสอบ",
        nameSortKey: "หน่วยงานทดสอบ",
        kind: "department",
        parentId: city.id,
      },
    });
    expect(added.id).toBeGreaterThan(WIDE.units + 2 - 1);
  });
});
