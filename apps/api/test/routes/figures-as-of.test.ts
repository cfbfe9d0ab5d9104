import type { Dashboard, ProjectDetail, ProjectSummary, SpendingHistory } from "@cpm/schema";
import { fiscalQuarterSpan, type IsoDate, type Quarter, round2 } from "@cpm/schema/rules";
import { beforeAll, describe, expect, it } from "vitest";
import { rebuildAllFigures } from "../../src/figures";
import { figureOf, loadProjects } from "../figures/live-rules";
import { clientFor, signIn, TEST_TODAY, useTestApp } from "../helper";

const QUARTERS: Quarter[] = [1, 2, 3, 4];

/**
 * Issue 8, items 1, 2 and 4: every figure of a dashboard is as of the same day (budget spent too),
 * a project not finished when its year or planned finish has passed is late, and "not reported
 * this month" is one rule for the list, the dashboards and the API.
 */
describe("figures as of the chosen period", () => {
  const ctx = useTestApp({ demo: true });
  let officer: Record<string, string> = {};
  const as = (headers: () => Record<string, string>) => clientFor(ctx.app, headers);
  const inject = (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) =>
    as(() => officer)(method, url, payload);
  const get = async <T>(url: string): Promise<T> => {
    const res = await ctx.app.inject({ method: "GET", url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json<T>();
  };
  const dashboardOf = (query: string) => get<Dashboard>(`/api/v1/dashboard?${query}`);

  /** Every project of a list (all pages). */
  async function listAll(query: string): Promise<{ total: number; items: ProjectSummary[] }> {
    const items: ProjectSummary[] = [];
    let total = 0;
    for (let page = 1; ; page++) {
      const answer = await get<{ total: number; items: ProjectSummary[] }>(
        `/api/v1/projects?${query}&pageSize=200&page=${page}`,
      );
      total = answer.total;
      items.push(...answer.items);
      if (answer.items.length < 200) break;
    }
    return { total, items };
  }

  /** The shared rules (packages/schema) over the data as it is now, for the fiscal year's projects. */
  async function ruleFigures(fiscalYear: number, asOf: IsoDate) {
    const projects = (await loadProjects(ctx.db.prisma)).filter((p) => p.fiscalYear === fiscalYear);
    return projects.map((p) => ({ ...figureOf(p, asOf), allocated: p.budgetAllocated, code: p.code }));
  }

  beforeAll(async () => {
    officer = await signIn(ctx.app, "officer.wangthonglang");
  });

  describe("budget spent as of the dashboard's day", () => {
    it("differs by quarter in the demo data, and is each project's latest dated amount by then", async () => {
      const spentByQuarter: number[] = [];
      for (const quarter of QUARTERS) {
        const dashboard = await dashboardOf(`fiscalYear=2569&quarter=${quarter}`);
        expect(dashboard.asOf).toBe(fiscalQuarterSpan(2569, quarter).end);
        const rules = await ruleFigures(2569, dashboard.asOf);
        const spent = round2(rules.reduce((sum, f) => sum + (f.spent ?? 0), 0));
        const allocated = round2(rules.reduce((sum, f) => sum + Number(f.allocated ?? 0), 0));
        expect(dashboard.totals.budgetSpent, `Q${quarter}`).toBe(spent);
        expect(dashboard.totals.budgetAllocated, `Q${quarter}`).toBe(allocated);
        expect(dashboard.totals.disbursementRate, `Q${quarter}`).toBe(round2((spent / allocated) * 100));
        expect(dashboard.totals.budgetSpentUndated, `Q${quarter}`).toBe(rules.filter((f) => f.spentUndated).length);
        spentByQuarter.push(dashboard.totals.budgetSpent);
      }
      // the defect: 294.12 million baht in every quarter while progress moved from 21.55 to 89.73 %
      expect(new Set(spentByQuarter).size).toBe(4);
      expect([...spentByQuarter].sort((a, b) => a - b)).toEqual(spentByQuarter);
    });

    it("moves with spending dated by a report or on its own, kept and live alike", async () => {
      const before = await Promise.all(QUARTERS.map((q) => dashboardOf(`fiscalYear=2569&quarter=${q}`)));
      const liveBefore = await dashboardOf("fiscalYear=2569&asOf=2026-03-20");
      const created = await inject("POST", "/api/v1/projects", {
        unitCode: "50450000",
        fiscalYear: 2569,
        name: "โครงการทดสอบงบประมาณตามไตรมาส",
        budgetAllocated: 2_000_000,
      });
      expect(created.statusCode, created.body).toBe(201);
      const code = created.json<ProjectDetail>().code;
      for (const [spentAsOf, amount] of [
        ["2025-12-20", 100_000],
        ["2026-03-15", 300_000],
        ["2026-08-01", 600_000.25],
      ] as const) {
        const res = await inject("POST", `/api/v1/projects/${code}/spending`, { spentAsOf, amount });
        expect(res.statusCode, res.body).toBe(201);
      }
      const after = await Promise.all(QUARTERS.map((q) => dashboardOf(`fiscalYear=2569&quarter=${q}`)));
      const delta = after.map((d, i) => round2(d.totals.budgetSpent - (before[i]?.totals.budgetSpent ?? 0)));
      expect(delta).toEqual([100_000, 300_000, 300_000, 600_000.25]);
      // a day that is not a month end is computed live, by the same rule
      const liveAfter = await dashboardOf("fiscalYear=2569&asOf=2026-03-20");
      expect(round2(liveAfter.totals.budgetSpent - liveBefore.totals.budgetSpent)).toBe(300_000);

      const detail = await get<ProjectDetail>(`/api/v1/projects/${code}`);
      expect(detail).toMatchObject({ budgetSpent: 600_000.25, budgetSpentAsOf: "2026-08-01" });
      expect(detail.spending.map((s) => s.spentAsOf)).toEqual(["2026-08-01", "2026-03-15", "2025-12-20"]);
    });

    it("a report may carry the amount spent as of its date; refused over the allocation, changing nothing", async () => {
      const list = await get<{ items: ProjectSummary[] }>("/api/v1/projects?unit=50450000&fiscalYear=2570&pageSize=1");
      const code = list.items[0]?.code as string;
      const detail = await get<ProjectDetail>(`/api/v1/projects/${code}`);
      const allocated = detail.budgetAllocated ?? 0;
      expect(allocated).toBeGreaterThan(0);
      const reports = detail.reports.length;

      const over = await inject("POST", `/api/v1/projects/${code}/reports`, {
        reportDate: TEST_TODAY,
        percent: 50,
        budgetSpent: allocated + 1,
      });
      expect(over.statusCode, over.body).toBe(400);
      expect(over.json().errors[0]).toMatchObject({ path: "budgetSpent", code: "spentOverAllocated" });
      const unchanged = await get<ProjectDetail>(`/api/v1/projects/${code}`);
      expect(unchanged.reports.length).toBe(reports);
      expect(unchanged.spending).toEqual(detail.spending);

      const spent = round2(allocated / 3);
      const ok = await inject("POST", `/api/v1/projects/${code}/reports`, {
        reportDate: TEST_TODAY,
        percent: 50,
        budgetSpent: spent,
      });
      expect(ok.statusCode, ok.body).toBe(201);
      const history = await get<SpendingHistory>(`/api/v1/projects/${code}/spending`);
      expect(history.items[0]).toEqual({ spentAsOf: TEST_TODAY, amount: spent });
      expect(history).toMatchObject({ budgetSpent: spent, budgetSpentAsOf: TEST_TODAY });
    });

    it("spending on its own: If-Match required, no future date, not over the allocation", async () => {
      const list = await get<{ items: ProjectSummary[] }>("/api/v1/projects?unit=50450000&fiscalYear=2570&pageSize=2");
      const code = list.items[1]?.code as string;
      const before = await get<SpendingHistory>(`/api/v1/projects/${code}/spending`);
      const url = `/api/v1/projects/${code}/spending`;
      const noIfMatch = await ctx.app.inject({
        method: "POST",
        url,
        headers: officer,
        payload: { spentAsOf: TEST_TODAY, amount: 1 },
      });
      expect(noIfMatch.statusCode).toBe(428);
      const future = await inject("POST", url, { spentAsOf: "2026-11-26", amount: 1 });
      expect(future.statusCode).toBe(400);
      expect(future.json().errors[0]).toMatchObject({ path: "spentAsOf", code: "futureDate" });
      const over = await inject("POST", url, { spentAsOf: TEST_TODAY, amount: 999_999_999_999 });
      expect(over.statusCode).toBe(400);
      expect(over.json().errors[0]).toMatchObject({ path: "amount", code: "spentOverAllocated" });
      const anonymous = await ctx.app.inject({ method: "POST", url, payload: { spentAsOf: TEST_TODAY, amount: 1 } });
      expect(anonymous.statusCode).toBe(401);
      expect(await get<SpendingHistory>(url)).toEqual(before);
    });

    it("says how many projects' spending has no date (counted at their latest amount)", async () => {
      const before = await dashboardOf("fiscalYear=2569&quarter=2");
      const created = await inject("POST", "/api/v1/projects", {
        unitCode: "50450000",
        fiscalYear: 2569,
        name: "โครงการที่งบใช้ไปไม่มีวันที่",
        budgetAllocated: 80_000,
      });
      expect(created.statusCode, created.body).toBe(201);
      // as data entered before spending had dates: an amount without a history
      await ctx.db.prisma
        .$executeRaw`UPDATE project SET budget_spent = 12345.67 WHERE code = ${created.json<ProjectDetail>().code}`;
      await rebuildAllFigures(ctx.db.prisma, TEST_TODAY);
      const after = await dashboardOf("fiscalYear=2569&quarter=2");
      expect(after.totals.budgetSpentUndated - before.totals.budgetSpentUndated).toBe(1);
      expect(round2(after.totals.budgetSpent - before.totals.budgetSpent)).toBe(12345.67);
    });
  });

  describe("late: not finished when the year or the planned finish has passed", () => {
    it("project 50450000-105 (FY 2569, ended, 96.67 % against a plan of 100 %) is late, not on track", async () => {
      const project = await get<ProjectDetail>("/api/v1/projects/50450000-105");
      expect(project).toMatchObject({ fiscalYear: 2569, plannedProgress: 100, scheduleStatus: "late" });
      expect(project.progress).toBeLessThan(100);
      const late = await listAll("fiscalYear=2569&status=late");
      expect(late.items.map((p) => p.code)).toContain("50450000-105");
    });

    it("the list, its filter, the dashboard and the rules agree on every project of a year that ended", async () => {
      const rules = await ruleFigures(2569, TEST_TODAY);
      const late = rules.filter((f) => f.scheduleStatus === "late");
      expect(late.length).toBeGreaterThan(0);
      // after the year, a project is done or late: never on track, behind or not started
      expect(rules.every((f) => f.scheduleStatus === "done" || f.scheduleStatus === "late")).toBe(true);
      const list = await listAll("fiscalYear=2569&status=late");
      expect(list.total).toBe(late.length);
      expect(list.items.map((p) => p.code).sort()).toEqual(late.map((f) => f.code).sort());
      const dashboard = await dashboardOf(`fiscalYear=2569&asOf=${TEST_TODAY}`);
      expect(dashboard.totals.byStatus.late).toBe(late.length);
      expect(dashboard.totals.byStatus.on_track).toBe(0);
    });

    it("a project past its planned finish in the current year is late until it reports 100 %", async () => {
      const created = await inject("POST", "/api/v1/projects", {
        unitCode: "50450000",
        fiscalYear: 2570,
        name: "โครงการสิ้นสุดก่อนสิ้นปีงบประมาณ",
        plannedStart: "2026-10-01",
        plannedFinish: "2026-11-10",
      });
      expect(created.statusCode, created.body).toBe(201);
      const code = created.json<ProjectDetail>().code;
      expect(created.json<ProjectDetail>()).toMatchObject({ deadline: "2026-11-10", scheduleStatus: "late" });
      const lateBefore = (await dashboardOf("fiscalYear=2570")).totals.byStatus.late;
      const done = await inject("POST", `/api/v1/projects/${code}/reports`, { reportDate: TEST_TODAY, percent: 100 });
      expect(done.statusCode, done.body).toBe(201);
      expect((await get<ProjectDetail>(`/api/v1/projects/${code}`)).scheduleStatus).toBe("done");
      expect((await dashboardOf("fiscalYear=2570")).totals.byStatus.late).toBe(lateBefore - 1);
    });
  });

  describe("one rule for 'not reported this month'", () => {
    it("the dashboard of each quarter and its drill-down list (same as-of day) count the same projects", async () => {
      for (const quarter of QUARTERS) {
        const dashboard = await dashboardOf(`fiscalYear=2569&quarter=${quarter}`);
        const list = await listAll(`fiscalYear=2569&reportedThisMonth=false&asOf=${dashboard.asOf}`);
        const rules = await ruleFigures(2569, dashboard.asOf);
        const notReported = rules.filter((f) => !f.reportedThisMonth);
        expect(list.total, `Q${quarter}`).toBe(dashboard.totals.notReportedThisMonth);
        expect(list.total, `Q${quarter}`).toBe(notReported.length);
        expect(list.items.map((p) => p.code).sort(), `Q${quarter}`).toEqual(notReported.map((f) => f.code).sort());
        // a finished project owes no report
        expect(list.items.filter((p) => (p.progress ?? 0) >= 100)).toEqual([]);
      }
    });

    it("today, finished projects of an ended year are never listed as not reported", async () => {
      const list = await listAll("fiscalYear=2569&reportedThisMonth=false");
      const finished = await listAll("fiscalYear=2569&status=done");
      expect(finished.total).toBeGreaterThan(0);
      expect(finished.items.every((p) => p.reportedThisMonth)).toBe(true);
      const codes = new Set(list.items.map((p) => p.code));
      expect(finished.items.filter((p) => codes.has(p.code))).toEqual([]);
      const dashboard = await dashboardOf(`fiscalYear=2569&asOf=${TEST_TODAY}`);
      expect(list.total).toBe(dashboard.totals.notReportedThisMonth);
    });
  });
});
