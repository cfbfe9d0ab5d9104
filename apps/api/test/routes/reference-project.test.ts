import { readFileSync } from "node:fs";
import path from "node:path";
import type { ProjectDetail } from "@cpm/schema";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../src/env";
import { useTestApp } from "../helper";

const legacyPage = readFileSync(
  path.join(repoRoot, "prisma/seed/reference/legacy-project-page-50450000-3247.txt"),
  "utf8",
);

describe("GET /api/v1/projects/50450000-3247 (the legacy reference page)", () => {
  const ctx = useTestApp();
  const fetchProject = async (query = "") => {
    const res = await ctx.app.inject({ method: "GET", url: `/api/v1/projects/50450000-3247${query}` });
    expect(res.statusCode).toBe(200);
    return { res, project: res.json<ProjectDetail>() };
  };

  it("has progress 100, six steps weighing 10/10/10/10/10/50 and no schedule", async () => {
    const { project, res } = await fetchProject();
    // the version leads the ETag (If-Match sends it back); the rest names the day and the reader
    expect(res.headers.etag).toMatch(new RegExp(`^"${project.version}\\.[\\w-]+"$`));
    expect(project.progress).toBe(100);
    expect(project.scheduleStatus).toBe("done");
    expect(project.steps.map((s) => s.weight)).toEqual([10, 10, 10, 10, 10, 50]);
    expect(project.totalWeight).toBe(100);
    expect(project.steps.every((s) => s.plannedStart === "2020-10-01" && s.plannedEnd === "2020-10-01")).toBe(true);
    expect(project.fiscalYear).toBe(2564);
    expect(project.unit).toMatchObject({ code: "50450000", name: "สำนักงานเขตวังทองหลาง", kind: "district" });
    expect(project.responsibleUnit).toMatchObject({ code: "50451000", kind: "division", parentCode: "50450000" });
    expect(project.routineMission).toBe(true);
  });

  it("has twelve reports, newest first, with the page's dates, percents and quarters", async () => {
    const { project } = await fetchProject();
    expect(project.reports).toHaveLength(12);
    expect(project.reports.map((r) => [r.reportDate, r.percent])).toEqual([
      ["2021-09-20", 100],
      ["2021-08-31", 92],
      ["2021-07-27", 83],
      ["2021-06-28", 75],
      ["2021-05-25", 67],
      ["2021-04-29", 58],
      ["2021-03-31", 50],
      ["2021-02-25", 42],
      ["2021-01-25", 33.33],
      ["2020-12-29", 25],
      ["2020-11-30", 17],
      ["2020-10-27", 10],
    ]);
    expect(project.reports.map((r) => r.quarter)).toEqual([4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1]);
    expect(project.reports.every((r) => r.fiscalYear === 2564 && !r.dropsFromPrevious)).toBe(true);
  });

  it("embeds KPI 5045-861 with target 5, achieved 5 and four quarter rows, and the Q1 evaluation 100", async () => {
    const { project } = await fetchProject();
    expect(project.indicators).toHaveLength(1);
    const kpi = project.indicators[0];
    expect(kpi).toMatchObject({
      code: "5045-861",
      target: 5,
      achieved: 5,
      measureUnit: "ระดับ",
      type: "strategic",
      resultLevel: "outcome",
    });
    expect(kpi?.quarters.map((q) => [q.quarter, q.value, q.score21, q.score22])).toEqual([
      [1, 1, 100, 100],
      [2, 1, 100, 100],
      [3, 1, 100, 100],
      [4, 5, 100, 100],
    ]);
    expect(project.evaluations).toEqual([expect.objectContaining({ quarter: 1, score: 100 })]);
  });

  it("returns the Thai texts byte for byte as on the legacy page", async () => {
    const { project } = await fetchProject();
    const texts = [
      project.name,
      project.responsibleOfficer,
      project.rationale,
      project.objectives,
      project.targets,
      project.indicators[0]?.name ?? "",
      ...project.steps.map((s) => s.name),
      ...project.reports.flatMap((r) => [r.narrative, r.problems, r.obstacles]),
    ];
    for (const text of texts) {
      expect(text.length).toBeGreaterThan(0);
      expect(legacyPage.includes(text), text.slice(0, 60)).toBe(true);
    }
    // the page's own typos and doubled marks are kept, not corrected
    expect(project.targets).toContain("พื้น่ที่");
    expect(project.reports.find((r) => r.reportDate === "2021-02-25")?.narrative).toContain("แพร่่ระบาด");
    expect(Buffer.from(project.name, "utf8").toString("hex")).toBe(
      Buffer.from("สร้างเครือข่ายและการมีส่วนร่วมของประชาชนในพื้นที่เขตวังทองหลาง", "utf8").toString("hex"),
    );
  });

  it("computes progress and planned completion as of an earlier date", async () => {
    const { project } = await fetchProject("?asOf=2021-01-31");
    expect(project.asOf).toBe("2021-01-31");
    expect(project.progress).toBe(33.33);
    expect(project.lastReportDate).toBe("2021-01-25");
    expect(project.plannedProgress).toBe(100); // zero-day steps all fall on 2020-10-01
    expect(project.scheduleStatus).toBe("no_schedule");
    expect(project.reportedThisMonth).toBe(true);
  });

  it("answers 404 problem+json for an unknown project and 400 for a malformed code", async () => {
    const missing = await ctx.app.inject({ method: "GET", url: "/api/v1/projects/50450000-9999" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(missing.json()).toMatchObject({ status: 404, message: { th: expect.stringContaining("ไม่พบ") } });
    const malformed = await ctx.app.inject({ method: "GET", url: "/api/v1/projects/abc" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toMatchObject({ path: "params.code", code: "projectCode" });
  });

  it("lists the units in Thai order with the city as root", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/units?kind=district" });
    const names = res.json().items.map((u: { name: string }) => u.name);
    expect(names).toHaveLength(29);
    expect(names.indexOf("สำนักงานเขตคลองเตย")).toBeLessThan(names.indexOf("สำนักงานเขตดุสิต"));
    const unit = await ctx.app.inject({ method: "GET", url: "/api/v1/units/50450000" });
    expect(unit.json()).toMatchObject({
      parent: { code: "00000000", name: "กรุงเทพมหานคร", kind: "city" },
      children: [{ code: "50451000", kind: "division" }],
    });
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/units/12345678" })).statusCode).toBe(404);
  });

  it("lists the fiscal years with data and the current one (Buddhist era)", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/fiscal-years" });
    expect(res.json()).toEqual({
      current: 2570,
      items: [
        { year: 2570, startsOn: "2026-10-01", endsOn: "2027-09-30" },
        { year: 2564, startsOn: "2020-10-01", endsOn: "2021-09-30" },
      ],
    });
  });

  it("publishes an OpenAPI 3.1 document generated from the schemas", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/openapi.json" });
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/projects",
        "/api/v1/projects/{code}",
        "/api/v1/projects/{code}/plan",
        "/api/v1/dashboard",
      ]),
    );
    expect(doc.components.schemas).toHaveProperty("ProjectDetail");
    const docs = await ctx.app.inject({ method: "GET", url: "/api/docs" });
    expect(docs.statusCode).toBeLessThan(400);
  });
});
