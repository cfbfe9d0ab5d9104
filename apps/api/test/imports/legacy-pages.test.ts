import { readFileSync } from "node:fs";
import path from "node:path";
import type { LegacyImportSummary, ProjectDetail } from "@cpm/schema";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../src/env";
import { expectedKept, readKept } from "../figures/live-rules";
import { signIn, snapshotCounts, TEST_TODAY, useTestApp } from "../helper";

const REFERENCE = readFileSync(
  path.join(repoRoot, "prisma/seed/reference/legacy-project-page-50450000-3247.txt"),
  "utf8",
);

/** The reference page as another project: its code (and its KPI's) changed everywhere. */
const asProject = (serial: number, text = REFERENCE, kpi = `5045-9${serial}`) =>
  text.replaceAll("50450000-3247", `50450000-${serial}`).replaceAll("5045-861", kpi);

/** Everything a read returns except what names a row or a moment of writing. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !["id", "version", "createdAt", "updatedAt"].includes(key))
        .map(([key, v]) => [key, stable(v)]),
    );
  }
  return value;
}

describe("the legacy reference page imported into a database without projects", () => {
  const seeded = useTestApp();
  const empty = useTestApp({ reference: false });

  const importPages = async (
    pages: { fileName?: string; text: string }[],
    query = "",
    headers?: Record<string, string>,
  ) => {
    const res = await empty.app.inject({
      method: "POST",
      url: `/api/v1/imports/legacy-pages${query}`,
      headers: headers ?? (await signIn(empty.app, "admin")),
      payload: { pages },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<LegacyImportSummary>();
  };
  const detail = async (ctx: typeof seeded, code: string) => {
    const res = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/projects/${code}`,
      headers: await signIn(ctx.app, "admin"),
    });
    return { status: res.statusCode, project: res.json<ProjectDetail>() };
  };

  it("is refused to officers and to anonymous callers, and changes nothing", async () => {
    const before = await snapshotCounts(empty.db);
    const officer = await empty.app.inject({
      method: "POST",
      url: "/api/v1/imports/legacy-pages",
      headers: await signIn(empty.app, "officer.wangthonglang"),
      payload: { pages: [{ text: REFERENCE }] },
    });
    expect(officer.statusCode).toBe(403);
    const anonymous = await empty.app.inject({
      method: "POST",
      url: "/api/v1/imports/legacy-pages",
      payload: { pages: [{ text: REFERENCE }] },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await snapshotCounts(empty.db)).toEqual(before);
  });

  it("in a dry run, answers what would be created and writes nothing", async () => {
    const before = await snapshotCounts(empty.db);
    const summary = await importPages([{ text: REFERENCE }], "?dryRun=true");
    expect(summary).toMatchObject({ dryRun: true, created: 1, failed: 0 });
    expect(summary.pages[0]?.changes).toEqual(
      expect.arrayContaining(["project 50450000-3247 created", "report 2021-09-20 added", "KPI 5045-861 created"]),
    );
    expect(await snapshotCounts(empty.db)).toEqual(before);
    expect((await detail(empty, "50450000-3247")).status).toBe(404);
  });

  it("creates exactly the project the demo data holds: every field, every report, texts byte for byte", async () => {
    const summary = await importPages([{ fileName: "legacy-project-page-50450000-3247.txt", text: REFERENCE }]);
    expect(summary).toMatchObject({ dryRun: false, created: 1, updated: 0, unchanged: 0, failed: 0, flagged: 1 });
    // the reference plan's steps all start and end on 1 October 2020: imported so, and flagged
    expect(summary.pages[0]?.flags.map((f) => f.code)).toEqual(["stepDatesOneDay"]);
    const imported = await detail(empty, "50450000-3247");
    const demo = await detail(seeded, "50450000-3247");
    expect(imported.status).toBe(200);
    expect(stable(imported.project)).toEqual(stable(demo.project));
    expect(imported.project.reports).toHaveLength(12);
    for (const [i, report] of imported.project.reports.entries()) {
      const seededReport = demo.project.reports[i] as ProjectDetail["reports"][number];
      expect(Buffer.from(report.narrative).equals(Buffer.from(seededReport.narrative))).toBe(true);
    }
    // the kept figures know it: the list (read from them) shows its progress and status
    const list = await empty.app.inject({ method: "GET", url: "/api/v1/projects?fiscalYear=2564" });
    expect(list.json().items).toEqual([
      expect.objectContaining({ code: "50450000-3247", progress: 100, scheduleStatus: "done" }),
    ]);
    const dashboard = await empty.app.inject({ method: "GET", url: "/api/v1/dashboard?fiscalYear=2564" });
    expect(dashboard.json().totals).toMatchObject({ projects: 1 });
  });

  it("says unchanged when the same page comes again, and writes nothing", async () => {
    const before = await snapshotCounts(empty.db);
    const audits = await empty.db.prisma.auditEvent.count();
    const summary = await importPages([{ text: REFERENCE }]);
    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 1, failed: 0 });
    expect(summary.pages[0]?.changes).toEqual([]);
    expect(await snapshotCounts(empty.db)).toEqual(before);
    expect(await empty.db.prisma.auditEvent.count()).toBe(audits);
  });

  it("shows the flags on the project and records the import in its history", async () => {
    const flags = await empty.app.inject({ method: "GET", url: "/api/v1/projects/50450000-3247/import-flags" });
    expect(flags.statusCode).toBe(200);
    expect(flags.json().items).toEqual([
      expect.objectContaining({
        code: "stepDatesOneDay",
        path: "steps",
        source: "legacy-project-page-50450000-3247.txt",
        message: { th: expect.stringContaining("2020-10-01"), en: expect.stringContaining("2020-10-01") },
      }),
    ]);
    const history = await empty.app.inject({
      method: "GET",
      url: "/api/v1/projects/50450000-3247/history",
      headers: await signIn(empty.app, "admin"),
    });
    expect(history.json().items).toEqual([
      expect.objectContaining({ action: "project.import", actor: expect.stringContaining("admin") }),
    ]);
  });

  it("adds what a newer capture has and keeps what was edited here in fields the page does not carry", async () => {
    // an older capture: the newest report was not written yet
    const older = asProject(3300).replace(/\(1\) ความคืบหน้าโครงการฯ[\s\S]*?&&&-+\n/, "");
    expect((await importPages([{ text: older }])).created).toBe(1);
    expect((await detail(empty, "50450000-3300")).project.reports).toHaveLength(11);
    const admin = await signIn(empty.app, "admin");
    const { project } = await detail(empty, "50450000-3300");
    const patched = await empty.app.inject({
      method: "PATCH",
      url: "/api/v1/projects/50450000-3300",
      headers: { ...admin, "if-match": `"${project.version}"` },
      payload: { budgetAllocated: 250000 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const summary = await importPages([{ text: asProject(3300) }]);
    expect(summary).toMatchObject({ updated: 1 });
    expect(summary.pages[0]?.changes).toEqual(["report 2021-09-20 added"]);
    const after = (await detail(empty, "50450000-3300")).project;
    expect(after.reports).toHaveLength(12);
    expect(after.progress).toBe(100);
    expect(after.budgetAllocated).toBe(250000);
    expect(after.version).toBeGreaterThan(project.version);
    expect((await importPages([{ text: asProject(3300) }])).unchanged).toBe(1);
  });

  it("imports a batch in which one page is broken: the others go in, the summary says which failed and why", async () => {
    const before = await snapshotCounts(empty.db);
    const headerless = REFERENCE.slice(REFERENCE.indexOf("100\n\nความคืบหน้าโครงการ ร้อยละ"));
    const summary = await importPages([
      { fileName: "a.txt", text: asProject(3301) },
      { fileName: "capture.txt", text: headerless },
      { fileName: "c.txt", text: asProject(3302) },
    ]);
    expect(summary).toMatchObject({ created: 2, failed: 1 });
    expect(summary.pages.map((p) => [p.source, p.outcome])).toEqual([
      ["a.txt", "created"],
      ["capture.txt", "failed"],
      ["c.txt", "created"],
    ]);
    expect(summary.pages[1]?.reason?.en).toMatch(/no header/);
    expect(summary.pages[1]?.reason?.th).toMatch(/ไม่มีส่วนหัว/);
    const after = await snapshotCounts(empty.db);
    expect(after.projects).toBe(before.projects + 2);
    expect(after.reports).toBe(before.reports + 24);
  });

  describe("variants of real pages", () => {
    it("a capture without header: code from the file name for a known project; refused with the reason for an unknown one", async () => {
      const headerless = (text: string) => text.slice(text.indexOf("100\n\nความคืบหน้าโครงการ ร้อยละ"));
      expect(headerless(REFERENCE).startsWith("100")).toBe(true);
      expect(headerless(REFERENCE)).not.toContain("สร้างเครือข่ายและการมีส่วนร่วมของประชาชนในพื้นที่เขตวังทองหลาง :");
      // known (imported above): the page is read with the file name's code; the name stays
      const known = await importPages([{ fileName: "pages/50450000-3247.txt", text: headerless(REFERENCE) }]);
      expect(known.pages[0]).toMatchObject({ code: "50450000-3247", outcome: "unchanged" });
      expect(known.pages[0]?.flags.map((f) => f.code)).toContain("codeFromFileName");
      // with a report more than the database has
      const extra = headerless(REFERENCE).replace(
        "(1) ความคืบหน้าโครงการฯ ร้อยละ 100.00 (2021-09-20)",
        "(0) ความคืบหน้าโครงการฯ ร้อยละ 100.00 (2021-09-29)\n\n100.00\n\n29/09/2564 : ปิดโครงการ\n\n** ปัญหาของโครงการ :ไม่มี\n\n** อุปสรรคของโครงการ :ไม่มี\n\n------------------&&&--------------------\n\n(1) ความคืบหน้าโครงการฯ ร้อยละ 100.00 (2021-09-20)",
      );
      const updated = await importPages([
        { fileName: "50450000-3302.txt", text: extra.replaceAll("5045-861", "5045-93302") },
      ]);
      expect(updated.pages[0]).toMatchObject({ code: "50450000-3302", outcome: "updated" });
      expect(updated.pages[0]?.changes).toEqual(["report 2021-09-29 added"]);
      const project = (await detail(empty, "50450000-3302")).project;
      expect(project.name).toBe("สร้างเครือข่ายและการมีส่วนร่วมของประชาชนในพื้นที่เขตวังทองหลาง");
      expect(project.reports[0]).toMatchObject({ reportDate: "2021-09-29", narrative: "29/09/2564 : ปิดโครงการ" });
      // unknown: nothing to take the name and year from
      const unknown = await importPages([{ fileName: "50450000-9001.txt", text: headerless(REFERENCE) }]);
      expect(unknown.pages[0]).toMatchObject({ code: "50450000-9001", outcome: "failed" });
      expect(unknown.pages[0]?.reason?.en).toContain("not in the system");
      expect((await detail(empty, "50450000-9001")).status).toBe(404);
    });

    it("progress written 100 or 100.00, the evaluation scored 100.0000 or not at all", async () => {
      const text = asProject(3310)
        .replace("ความคืบหน้าโครงการ ร้อยละ 100\n", "ความคืบหน้าโครงการ ร้อยละ 100.00\n")
        .replace("ร้อยละ 100.00 (2021-09-20)\n\n100.00\n", "ร้อยละ 100 (2021-09-20)\n\n100\n")
        .replace("ไตรมาสที่ 1 100", "ไตรมาสที่ 1 100.0000");
      const unscored = asProject(3311).replace("ไตรมาสที่ 1 100", "ไตรมาสที่ 2");
      const summary = await importPages([{ text }, { text: unscored }]);
      expect(summary).toMatchObject({ created: 2, failed: 0 });
      const scored = (await detail(empty, "50450000-3310")).project;
      expect(scored.reports[0]).toMatchObject({ reportDate: "2021-09-20", percent: 100 });
      expect(scored.progress).toBe(100);
      expect(scored.evaluations).toEqual([expect.objectContaining({ quarter: 1, score: 100 })]);
      expect((await detail(empty, "50450000-3311")).project.evaluations).toEqual([]);
    });

    it("the officer's line with a phone: (3027) or โทร.6573 is not part of the name", async () => {
      const withExtension = asProject(3320).replace("นางอรวรรณ ขุมบางลี่\n", "นางอรวรรณ ขุมบางลี่ (3027)\n");
      const withPhone = asProject(3321).replace("นางอรวรรณ ขุมบางลี่\n", "นางอรวรรณ ขุมบางลี่ โทร.6573\n");
      expect((await importPages([{ text: withExtension }, { text: withPhone }])).created).toBe(2);
      for (const code of ["50450000-3320", "50450000-3321"]) {
        expect((await detail(empty, code)).project.responsibleOfficer).toBe("นางอรวรรณ ขุมบางลี่");
      }
    });

    it("สำนัก spelled with ำ (U+0E33) or ํ + า (U+0E4D U+0E32) is the same unit; another name is flagged", async () => {
      const units = await empty.db.prisma.orgUnit.count();
      const spelled = asProject(3330).replace(
        "สำนักงานเขตวังทองหลาง : (2564)",
        "ส\u0E4D\u0E32นักงานเขตวังทองหลาง : (2564)",
      );
      expect(spelled).toContain("\u0E4D\u0E32");
      const renamed = asProject(3331).replace("สำนักงานเขตวังทองหลาง : (2564)", "สำนักงานเขตบางกะปิ : (2564)");
      const summary = await importPages([{ text: spelled }, { text: renamed }]);
      expect(summary.created).toBe(2);
      expect(summary.pages[0]?.flags.map((f) => f.code)).toEqual(["stepDatesOneDay"]);
      expect(summary.pages[1]?.flags.map((f) => f.code)).toEqual(["unitNameDiffers", "stepDatesOneDay"]);
      expect(await empty.db.prisma.orgUnit.count()).toBe(units);
      const project = (await detail(empty, "50450000-3330")).project;
      expect(project.unit).toMatchObject({ code: "50450000", name: "สำนักงานเขตวังทองหลาง" });
    });

    it("an unknown unit and sub-unit are created from the codes and name on the page", async () => {
      const text = REFERENCE.replaceAll("50450000-3247", "50990000-12")
        .replace("สำนักงานเขตวังทองหลาง : (2564)", "สำนักงานเขตทดลองใหม่ : (2564)")
        .replace("50451000/50451000", "50991000/50991000")
        .replaceAll("5045-861", "5099-1");
      const summary = await importPages([{ text }]);
      expect(summary.pages[0]).toMatchObject({ outcome: "created" });
      expect(summary.pages[0]?.changes).toEqual(
        expect.arrayContaining(["unit 50990000 created", "unit 50991000 created"]),
      );
      const project = (await detail(empty, "50990000-12")).project;
      expect(project.unit).toMatchObject({
        code: "50990000",
        name: "สำนักงานเขตทดลองใหม่",
        kind: "district",
        parentCode: "00000000",
      });
      expect(project.responsibleUnit).toMatchObject({ code: "50991000", kind: "division", parentCode: "50990000" });
      const unit = await empty.app.inject({ method: "GET", url: "/api/v1/units/50990000" });
      expect(unit.statusCode).toBe(200);
    });

    it("dates in the Buddhist or the common era: a report's own date, or the one its text opens with", async () => {
      const text = asProject(3340)
        // the report's date in the Buddhist era
        .replace("ร้อยละ 92.00 (2021-08-31)", "ร้อยละ 92.00 (2564-08-31)")
        // no date on the report's line: the text's own, d/m/y in the common era and m/d/y
        .replace("ร้อยละ 33.33 (2021-01-25)", "ร้อยละ 33.33")
        .replace("ร้อยละ 25.00 (2020-12-29)", "ร้อยละ 25.00")
        // no date anywhere but the text's d/m/y in the Buddhist era
        .replace("ร้อยละ 83.00 (2021-07-27)", "ร้อยละ 83.00")
        // plan steps dated in the Buddhist era
        .replace(
          "เริ่มต้น :2020-10-01 00:00:00\nสิ้นสุด :2020-10-01 00:00:00\nขั้นตอน 2",
          "เริ่มต้น :2563-10-01 00:00:00\nสิ้นสุด :2563-10-31 00:00:00\nขั้นตอน 2",
        );
      const summary = await importPages([{ text }]);
      expect(summary.pages[0]?.outcome, JSON.stringify(summary.pages[0]?.reason)).toBe("created");
      const project = (await detail(empty, "50450000-3340")).project;
      const dates = project.reports.map((r) => r.reportDate);
      expect(dates).toEqual(expect.arrayContaining(["2021-08-31", "2021-07-27", "2021-01-25", "2020-12-29"]));
      expect(project.reports.find((r) => r.reportDate === "2021-01-25")?.narrative.startsWith("25/1/2021 :")).toBe(
        true,
      );
      expect(project.steps[0]).toMatchObject({ plannedStart: "2020-10-01", plannedEnd: "2020-10-31" });
      // one step now spans a month: the plan is no longer all on one day
      expect(summary.pages[0]?.flags).toEqual([]);
    });

    it("sections missing: no evaluation, plan, KPIs, rationale or strategy", async () => {
      const text = asProject(3350)
        .replace(/\*\*\* สยป\. ประเมินโครงการ[^\n]*\n/, "")
        .replace(/แผนการดำเนินงานฯ[\s\S]*$/, "")
        .replace(/หลักการและเหตุผล\n\n[^\n]*\n/, "หลักการและเหตุผล\n");
      const summary = await importPages([{ text }]);
      expect(summary.pages[0]).toMatchObject({ outcome: "created", flags: [] });
      const project = (await detail(empty, "50450000-3350")).project;
      expect(project).toMatchObject({ rationale: "", steps: [], indicators: [], evaluations: [] });
      expect(project.reports).toHaveLength(12);
      expect(project.responsibleUnit).toMatchObject({ code: "50451000" });
    });

    it("never fixes what looks wrong: weights not adding up to 100, a dropping percent, a report after the year's end", async () => {
      const text = asProject(3360)
        .replace(":50%", ":40%")
        .replace("ร้อยละ 83.00 (2021-07-27)\n\n83.00", "ร้อยละ 95.00 (2021-07-27)\n\n95.00")
        .replace("ร้อยละ 100.00 (2021-09-20)\n\n100.00", "ร้อยละ 100.00 (2021-10-05)\n\n100.00");
      const summary = await importPages([{ text }]);
      expect(summary).toMatchObject({ created: 1, flagged: 1 });
      expect(summary.pages[0]?.flags.map((f) => [f.code, f.path])).toEqual([
        ["weightsSum", "steps"],
        ["stepDatesOneDay", "steps"],
        ["percentDrops", "reports.2021-08-31"],
        ["reportAfterYearEnd", "reports.2021-10-05"],
      ]);
      const project = (await detail(empty, "50450000-3360")).project;
      expect(project.totalWeight).toBe(90);
      expect(project.reports.find((r) => r.reportDate === "2021-08-31")).toMatchObject({
        percent: 92,
        dropsFromPrevious: true,
      });
      expect(project.reports[0]?.reportDate).toBe("2021-10-05");
      const flags = await empty.app.inject({ method: "GET", url: "/api/v1/projects/50450000-3360/import-flags" });
      expect(flags.json().items.map((f: { code: string }) => f.code)).toEqual([
        "weightsSum",
        "stepDatesOneDay",
        "percentDrops",
        "reportAfterYearEnd",
      ]);
    });

    it("one page as text/plain, its code from ?fileName=", async () => {
      const res = await empty.app.inject({
        method: "POST",
        url: "/api/v1/imports/legacy-pages?dryRun=true&fileName=50450000-3370.txt",
        headers: { ...(await signIn(empty.app, "admin")), "content-type": "text/plain; charset=utf-8" },
        payload: asProject(3370),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ dryRun: true, created: 1, pages: [{ source: "50450000-3370.txt" }] });
      expect((await detail(empty, "50450000-3370")).status).toBe(404);
    });
  });
  it("keeps the kept figures as the rules compute them after every import above", async () => {
    const kept = await readKept(empty.db.prisma);
    const expected = await expectedKept(empty.db.prisma, TEST_TODAY);
    expect(kept.projects).toEqual(expected.projects);
    expect(kept.current).toEqual(expected.current);
    for (const end of new Set([...kept.months.keys(), ...expected.months.keys()])) {
      expect(kept.months.get(end), `month ending ${end}`).toEqual(expected.months.get(end));
    }
  });
});
