import type { Dashboard, ProjectDetail, ProjectSummary } from "@cpm/schema";
import { compareThai, fiscalYearOf, round2 } from "@cpm/schema/rules";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_TODAY, useTestApp } from "../helper";

const CURRENT_FY = fiscalYearOf(TEST_TODAY);

describe("demo data, project lists and dashboards", () => {
  const ctx = useTestApp({ demo: true });
  const get = async <T>(url: string): Promise<T> => {
    const res = await ctx.app.inject({ method: "GET", url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const listAll = async (query: string) =>
    (await get<{ items: ProjectSummary[]; total: number }>(`/api/v1/projects?pageSize=200&${query}`)).items;

  let details: ProjectDetail[] = [];
  beforeAll(async () => {
    const summaries = await listAll(`fiscalYear=${CURRENT_FY}`);
    details = await Promise.all(summaries.map((p) => get<ProjectDetail>(`/api/v1/projects/${p.code}`)));
  });

  it("opens the current fiscal year on live data: on track, behind, done, not started, not reported this month", async () => {
    const statuses = new Set(details.map((d) => d.scheduleStatus));
    for (const status of ["on_track", "behind", "done", "not_started"]) expect(statuses).toContain(status);
    expect(details.some((d) => !d.reportedThisMonth)).toBe(true);
    expect(details.some((d) => d.reportedThisMonth)).toBe(true);
    for (const year of [CURRENT_FY - 2, CURRENT_FY - 1]) {
      expect((await get<{ total: number }>(`/api/v1/projects?fiscalYear=${year}`)).total).toBeGreaterThan(50);
    }
  });

  it("is deterministic for a pinned today", async () => {
    const first = details.find((d) => d.code.startsWith("50450000"));
    expect(first).toBeDefined();
    const row = await ctx.db.prisma.project.findUnique({
      where: { code: first?.code ?? "" },
      include: { reports: true },
    });
    expect(row?.reports.length).toBe(first?.reports.length);
    expect(details.length).toBeGreaterThan(100);
  });

  it("computes the list's progress, plan and status in SQL exactly as the shared rules do", async () => {
    const rows = await listAll(`fiscalYear=${CURRENT_FY}`);
    const byCode = new Map(rows.map((row) => [row.code, row]));
    expect(rows.length).toBe(details.length);
    for (const detail of details) {
      const row = byCode.get(detail.code);
      expect(row, detail.code).toMatchObject({
        progress: detail.progress,
        plannedProgress: detail.plannedProgress,
        scheduleStatus: detail.scheduleStatus,
        reportedThisMonth: detail.reportedThisMonth,
        lastReportDate: detail.lastReportDate,
      });
    }
  });

  it("computes the dashboard in SQL in agreement with the rules over every project", async () => {
    const dashboard = await get<Dashboard>(`/api/v1/dashboard?fiscalYear=${CURRENT_FY}`);
    const count = (status: string) => details.filter((d) => d.scheduleStatus === status).length;
    const allocated = details.reduce((sum, d) => sum + (d.budgetAllocated ?? 0), 0);
    const spent = details.reduce((sum, d) => sum + (d.budgetSpent ?? 0), 0);
    expect(dashboard.asOf).toBe(TEST_TODAY);
    expect(dashboard.totals).toMatchObject({
      projects: details.length,
      byStatus: {
        done: count("done"),
        behind: count("behind"),
        on_track: count("on_track"),
        not_started: count("not_started"),
        no_schedule: count("no_schedule"),
      },
      notReportedThisMonth: details.filter((d) => !d.reportedThisMonth).length,
      averageProgress: round2(details.reduce((sum, d) => sum + (d.progress ?? 0), 0) / details.length),
    });
    const bucket = (d: ProjectDetail) => {
      const p = d.progress ?? 0;
      return p >= 100 ? 4 : Math.floor(p / 25);
    };
    expect(dashboard.totals.progressDistribution).toEqual(
      [0, 1, 2, 3, 4].map((b) => details.filter((d) => bucket(d) === b).length),
    );
    expect(dashboard.totals.budgetAllocated).toBeCloseTo(allocated, 2);
    expect(dashboard.totals.budgetSpent).toBeCloseTo(spent, 2);
    expect(dashboard.totals.disbursementRate).toBe(round2((spent / allocated) * 100));
    // one row per department and district, in Thai order, adding up to the totals
    expect(dashboard.units.map((u) => u.unitName)).toEqual(
      [...dashboard.units.map((u) => u.unitName)].sort(compareThai),
    );
    expect(dashboard.units.reduce((sum, u) => sum + u.projects, 0)).toBe(details.length);
    const wangThongLang = dashboard.units.find((u) => u.unitCode === "50450000");
    expect(wangThongLang?.projects).toBe(details.filter((d) => d.unitCode === "50450000").length);
  });

  it("fixes a past quarter's dashboard at the quarter's end", async () => {
    const q = await get<Dashboard>(`/api/v1/dashboard?fiscalYear=${CURRENT_FY - 1}&quarter=2`);
    expect(q).toMatchObject({
      quarter: 2,
      periodStart: `${CURRENT_FY - 1 - 543}-01-01`,
      asOf: `${CURRENT_FY - 1 - 543}-03-31`,
    });
    const yearEnd = await get<Dashboard>(`/api/v1/dashboard?fiscalYear=${CURRENT_FY - 1}`);
    expect(yearEnd.asOf).toBe(`${CURRENT_FY - 1 - 543}-09-30`);
    expect(q.totals.projects).toBe(yearEnd.totals.projects);
    expect(q.totals.averageProgress ?? 0).toBeLessThan(yearEnd.totals.averageProgress ?? 0);
  });

  it("gives a unit's dashboard over the unit and its sub-units", async () => {
    const unit = await get<Dashboard>(`/api/v1/units/50450000/dashboard?fiscalYear=${CURRENT_FY}`);
    expect(unit.unit.code).toBe("50450000");
    expect(unit.totals.projects).toBe(details.filter((d) => d.unitCode === "50450000").length);
    expect(unit.units.map((u) => u.unitCode)).toEqual(["50450000", "50451000"]);
    const bad = await ctx.app.inject({ method: "GET", url: "/api/v1/dashboard" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("query.fiscalYear");
  });

  it("filters by unit with its sub-units, status, report this month and Thai text; sorts and paginates", async () => {
    const ofUnit = await listAll(`fiscalYear=${CURRENT_FY}&unit=50450000`);
    expect(ofUnit.length).toBeGreaterThan(0);
    expect(ofUnit.every((p) => p.unitCode === "50450000")).toBe(true);
    const city = await get<{ total: number }>(`/api/v1/projects?fiscalYear=${CURRENT_FY}&unit=00000000`);
    expect(city.total).toBe(details.length);

    const behind = await listAll(`fiscalYear=${CURRENT_FY}&status=behind`);
    expect(behind.length).toBe(details.filter((d) => d.scheduleStatus === "behind").length);
    const silent = await listAll(`fiscalYear=${CURRENT_FY}&reportedThisMonth=false`);
    expect(silent.every((p) => !p.reportedThisMonth)).toBe(true);
    expect(silent.length).toBe(details.filter((d) => !d.reportedThisMonth).length);

    const q = "น้ำท่วม";
    const found = await listAll(`q=${encodeURIComponent(q)}`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => p.name.includes(q))).toBe(true);

    const byName = await listAll(`fiscalYear=${CURRENT_FY}&sort=name`);
    const names = byName.map((p) => p.name);
    expect(names).toEqual([...names].sort(compareThai));
    const byProgress = await listAll(`fiscalYear=${CURRENT_FY}&sort=progress&order=desc`);
    const progress = byProgress.map((p) => p.progress ?? -1);
    expect(progress).toEqual([...progress].sort((a, b) => b - a));

    const page2 = await get<{ items: ProjectSummary[]; total: number; page: number }>(
      `/api/v1/projects?fiscalYear=${CURRENT_FY}&sort=code&pageSize=10&page=2`,
    );
    const all = await listAll(`fiscalYear=${CURRENT_FY}&sort=code`);
    expect(page2.total).toBe(details.length);
    expect(page2.items.map((p) => p.code)).toEqual(all.slice(10, 20).map((p) => p.code));
    const beyond = await get<{ items: unknown[]; total: number }>(`/api/v1/projects?fiscalYear=${CURRENT_FY}&page=999`);
    expect(beyond).toMatchObject({ items: [], total: details.length });
  });
});
