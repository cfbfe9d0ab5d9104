import {
  type Dashboard,
  type DashboardFigures,
  type ProjectDetail,
  type ProjectSummary,
  projectListQuery,
  type SpendingHistory,
} from "@cpm/schema";
import { addDays, type IsoDate, round2, searchText } from "@cpm/schema/rules";
import { beforeAll, describe, expect, it } from "vitest";
import { projectsRepository } from "../../src/repositories/projects-repository";
import { clientFor, signIn, TEST_TODAY, useTestApp } from "../helper";
import { expectedKept, readKept, type UnitSums } from "./live-rules";

/**
 * The kept figures (per project, per unit today, per unit at each closed month's end) equal a
 * from-scratch evaluation of the shared rules after every kind of write and calendar turn.
 */
describe("kept figures stay equal to the shared rules", () => {
  const ctx = useTestApp({ demo: true });
  let today: IsoDate = TEST_TODAY;
  let admin: Record<string, string> = {};
  const inject = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: unknown) =>
    clientFor(ctx.app, () => admin)(method, url, payload);

  beforeAll(async () => {
    admin = await signIn(ctx.app, "admin");
    ctx.app.clock.today = () => today;
  });

  const emptySums = new Map<string, UnitSums>();
  async function expectKeptEqualsRules(step: string) {
    const kept = await readKept(ctx.db.prisma);
    const expected = await expectedKept(ctx.db.prisma, today);
    expect(kept.asOf, step).toBe(expected.asOf);
    expect(kept.projects, `${step}: per project`).toEqual(expected.projects);
    expect(kept.current, `${step}: per unit`).toEqual(expected.current);
    const monthEnds = new Set([...kept.months.keys(), ...expected.months.keys()]);
    expect([...kept.months.keys()].sort(), `${step}: frozen months`).toEqual([...expected.months.keys()].sort());
    for (const end of monthEnds) {
      expect(kept.months.get(end) ?? emptySums, `${step}: month ending ${end}`).toEqual(
        expected.months.get(end) ?? emptySums,
      );
    }
  }

  async function aProjectOf(unit: string, fiscalYear: number): Promise<ProjectDetail> {
    const list = await inject("GET", `/api/v1/projects?unit=${unit}&fiscalYear=${fiscalYear}&pageSize=5`);
    const code = list.json<{ items: ProjectSummary[] }>().items[0]?.code;
    expect(code, `a project of ${unit} in ${fiscalYear}`).toBeDefined();
    return (await inject("GET", `/api/v1/projects/${code}`)).json<ProjectDetail>();
  }

  it("after loading the demo data", async () => {
    await expectKeptEqualsRules("seeded");
  });

  it("after a report is added, back-dated into a closed month, corrected and deleted", async () => {
    const project = await aProjectOf("50450000", 2570);
    const url = `/api/v1/projects/${project.code}/reports`;
    const added = await inject("POST", url, { reportDate: today, percent: 37.5, narrative: "รายงานเดือนนี้" });
    expect(added.statusCode, added.body).toBe(201);
    await expectKeptEqualsRules("report added today");

    const backDated = await inject("POST", url, { reportDate: "2026-10-15", percent: 12.25 });
    expect(backDated.statusCode, backDated.body).toBe(201);
    await expectKeptEqualsRules("report back-dated into October (frozen)");

    const id = backDated.json<{ id: number }>().id;
    const corrected = await inject("PATCH", `${url}/${id}`, { reportDate: "2026-10-02", percent: 99 });
    expect(corrected.statusCode, corrected.body).toBe(200);
    await expectKeptEqualsRules("report corrected");

    const deleted = await inject("DELETE", `${url}/${added.json<{ id: number }>().id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    await expectKeptEqualsRules("report deleted");
  });

  it("after a plan is replaced and a budget changed", async () => {
    const project = await aProjectOf("50450000", 2570);
    const plan = await inject("PUT", `/api/v1/projects/${project.code}/plan`, {
      steps: [
        { name: "เตรียมการ", weight: 30, plannedStart: "2026-10-01", plannedEnd: "2026-11-30" },
        { name: "ดำเนินการ", weight: 70, plannedStart: "2026-12-01", plannedEnd: "2027-06-30" },
      ],
    });
    expect(plan.statusCode, plan.body).toBe(200);
    await expectKeptEqualsRules("plan replaced");

    const budget = await inject("PATCH", `/api/v1/projects/${project.code}`, {
      budgetAllocated: 1_234_567.89,
      budgetSpent: 100_000,
    });
    expect(budget.statusCode, budget.body).toBe(200);
    await expectKeptEqualsRules("budget changed");
  });

  it("after spending is dated: with a report, on its own, back-dated into a closed month", async () => {
    const project = await aProjectOf("50450000", 2570);
    await inject("PATCH", `/api/v1/projects/${project.code}`, { budgetAllocated: 900_000 });
    const withReport = await inject("POST", `/api/v1/projects/${project.code}/reports`, {
      reportDate: today,
      percent: 30,
      budgetSpent: 120_000,
    });
    expect(withReport.statusCode, withReport.body).toBe(201);
    await expectKeptEqualsRules("spending reported with a report");

    const backDated = await inject("POST", `/api/v1/projects/${project.code}/spending`, {
      spentAsOf: "2026-10-31",
      amount: 45_000.5,
    });
    expect(backDated.statusCode, backDated.body).toBe(201);
    await expectKeptEqualsRules("spending back-dated to a frozen month end");
  });

  it("after a report's spending is corrected, moved into a closed month, cleared, and withdrawn with it", async () => {
    const project = await aProjectOf("50450000", 2570);
    await inject("PATCH", `/api/v1/projects/${project.code}`, { budgetAllocated: 900_000 });
    const url = `/api/v1/projects/${project.code}/reports`;
    const own = await inject("POST", `/api/v1/projects/${project.code}/spending`, {
      spentAsOf: "2026-10-20",
      amount: 20_000,
    });
    expect(own.statusCode, own.body).toBe(201);
    const spending = async () =>
      (await inject("GET", `/api/v1/projects/${project.code}/spending`)).json<SpendingHistory>();
    const before = await spending();
    const added = await inject("POST", url, { reportDate: today, percent: 40, budgetSpent: 150_000 });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json<{ id: number }>().id;
    const steps: [string, Record<string, unknown>][] = [
      ["report's spending corrected lower", { budgetSpent: 90_000 }],
      ["report moved into October (frozen), its spending with it", { reportDate: "2026-10-20" }],
      ["report's spending cleared (the day's own amount back)", { budgetSpent: null }],
      ["report's spending set again", { budgetSpent: 70_000.5 }],
    ];
    for (const [step, patch] of steps) {
      const res = await inject("PATCH", `${url}/${id}`, patch);
      expect(res.statusCode, `${step}: ${res.body}`).toBe(200);
      await expectKeptEqualsRules(step);
    }
    const withdrawn = await inject("DELETE", `${url}/${id}`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);
    await expectKeptEqualsRules("report withdrawn with its spending");
    // the report's amounts gone, the days' own amounts (2026-10-20, and today's if any) as they were
    expect(await spending()).toEqual(before);
  });

  it("after a project moves to another unit, is deleted, restored and created", async () => {
    const project = await aProjectOf("50450000", 2570);
    const moved = await inject("POST", `/api/v1/projects/${project.code}/move`, { unitCode: "50100000" });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<ProjectDetail>().unitCode).toBe("50100000");
    await expectKeptEqualsRules("project moved");

    const deleted = await inject("DELETE", `/api/v1/projects/${project.code}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    await expectKeptEqualsRules("project deleted");

    const restored = await inject("POST", `/api/v1/projects/${project.code}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    await expectKeptEqualsRules("project restored");

    const created = await inject("POST", "/api/v1/projects", {
      unitCode: "50450000",
      fiscalYear: 2569,
      name: "โครงการย้อนหลังปีงบประมาณก่อน",
      budgetAllocated: 500_000,
    });
    expect(created.statusCode, created.body).toBe(201);
    await expectKeptEqualsRules("project created in a past fiscal year");
  });

  it("after many reports to one unit's projects at once (each unit's sums see every other write)", async () => {
    const [largest] = await ctx.db.prisma.$queryRaw<{ unit_id: number }[]>`
      SELECT unit_id FROM project WHERE fiscal_year = 2570 AND deleted_at IS NULL
      GROUP BY unit_id ORDER BY COUNT(*) DESC, unit_id LIMIT 1`;
    const projects = await ctx.db.prisma.project.findMany({
      where: { unitId: largest?.unit_id, fiscalYear: 2570, deletedAt: null },
      select: { code: true },
    });
    const codes = projects.map((p) => p.code);
    expect(codes.length).toBeGreaterThanOrEqual(4);
    const writes = codes.flatMap((code, i) => [
      inject("POST", `/api/v1/projects/${code}/reports`, { reportDate: today, percent: 40 + i }),
      ctx.app.inject({ method: "GET", url: "/api/v1/dashboard?fiscalYear=2570" }),
    ]);
    for (const res of await Promise.all(writes)) expect([200, 201], res.body).toContain(res.statusCode);
    await expectKeptEqualsRules("concurrent reports to one unit");
  });

  it("after the day turns and after the month turns", async () => {
    today = addDays(TEST_TODAY, 1);
    await ctx.app.figures.turnCalendar();
    await expectKeptEqualsRules("next day");

    today = "2026-12-01";
    const turned = await ctx.app.figures.turnCalendar();
    expect(turned.frozenMonths).toBe(1);
    await expectKeptEqualsRules("first day of the next month");

    const project = await aProjectOf("50450000", 2570);
    const report = await inject("POST", `/api/v1/projects/${project.code}/reports`, {
      reportDate: "2026-11-20",
      percent: 55,
    });
    expect(report.statusCode, report.body).toBe(201);
    await expectKeptEqualsRules("report back-dated into the month just frozen");
  });

  it("serves the dashboards (today and past quarters) and lists from the kept figures, as the rules say", async () => {
    const expected = await expectedKept(ctx.db.prisma, today);
    const totalOf = (sums: Map<string, UnitSums> | undefined, fiscalYear: number) => {
      const rows = [...(sums ?? emptySums).values()].filter((s) => s.key.endsWith(`/${fiscalYear}`));
      const projects = rows.reduce((n, s) => n + s.projects, 0);
      const status = (name: string) => rows.reduce((n, s) => n + (s.byStatus[name] ?? 0), 0);
      return {
        projects,
        averageProgress: projects ? round2(rows.reduce((n, s) => n + s.progressSum, 0) / projects) : null,
        byStatus: {
          done: status("done"),
          no_schedule: status("no_schedule"),
          not_started: status("not_started"),
          behind: status("behind"),
          on_track: status("on_track"),
          late: status("late"),
        },
        notReportedThisMonth: rows.reduce((n, s) => n + s.notReported, 0),
      };
    };
    const pick = ({ projects, averageProgress, byStatus, notReportedThisMonth }: DashboardFigures) => ({
      projects,
      averageProgress,
      byStatus,
      notReportedThisMonth,
    });

    const now = await inject("GET", "/api/v1/dashboard?fiscalYear=2570");
    expect(now.statusCode, now.body).toBe(200);
    expect(pick(now.json<Dashboard>().totals)).toEqual(totalOf(expected.current, 2570));

    const pastQuarter = await inject("GET", "/api/v1/dashboard?fiscalYear=2569&quarter=2");
    expect(pastQuarter.json<Dashboard>().asOf).toBe("2026-03-31");
    expect(pick(pastQuarter.json<Dashboard>().totals)).toEqual(totalOf(expected.months.get("2026-03-31"), 2569));

    // totals summed from the units' kept rows equal a count of the rule's figures
    const district = await ctx.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: "50450000" } });
    const filters: [
      string,
      (f: { fiscalYear: number; unitId: number; scheduleStatus: string; reportedThisMonth: boolean }) => boolean,
    ][] = [
      ["fiscalYear=2570", (f) => f.fiscalYear === 2570],
      ["fiscalYear=2570&status=behind", (f) => f.fiscalYear === 2570 && f.scheduleStatus === "behind"],
      ["fiscalYear=2570&reportedThisMonth=false", (f) => f.fiscalYear === 2570 && !f.reportedThisMonth],
      ["fiscalYear=2570&reportedThisMonth=true", (f) => f.fiscalYear === 2570 && f.reportedThisMonth],
      [
        "fiscalYear=2570&unit=50450000&status=on_track&reportedThisMonth=true",
        (f) =>
          f.fiscalYear === 2570 && f.unitId === district.id && f.scheduleStatus === "on_track" && f.reportedThisMonth,
      ],
      ["unit=50450000", (f) => f.unitId === district.id],
    ];
    for (const [query, match] of filters) {
      const page = await inject("GET", `/api/v1/projects?${query}`);
      expect(page.json<{ total: number }>().total, query).toBe([...expected.projects.values()].filter(match).length);
    }
    // a Thai text search: its page in code order and its count, as the rule (normalised name or code) says
    const named = await ctx.db.prisma.project.findMany({
      where: { deletedAt: null, fiscalYear: 2570 },
      select: { code: true, name: true, serial: true, unit: { select: { code: true } } },
    });
    const word = [...new Set(named.flatMap((p) => p.name.split(/\s+/)))].find(
      (w) => w.length > 3 && named.filter((p) => p.name.includes(w)).length > 1,
    ) as string;
    const matching = named
      .filter((p) => searchText(p.name).includes(searchText(word)) || p.code.includes(word))
      .sort((a, b) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : a.serial - b.serial));
    const searched = await inject("GET", `/api/v1/projects?fiscalYear=2570&q=${encodeURIComponent(word)}&pageSize=3`);
    expect(searched.json<{ total: number }>().total, word).toBe(matching.length);
    // past the cap, the count stops and says "more than"
    const capped = projectsRepository(ctx.db.prisma, undefined, { countCap: 1 });
    const query = projectListQuery.parse({ fiscalYear: "2570", q: word, pageSize: "3" });
    const cappedPage = await capped.list(query, today, today);
    expect(cappedPage).toMatchObject({ total: 1, moreThanTotal: true });
    expect(cappedPage.items.map((i) => i.code)).toEqual(matching.slice(0, 3).map((p) => p.code));
    expect(searched.json<{ items: ProjectSummary[] }>().items.map((i) => i.code)).toEqual(
      matching.slice(0, 3).map((p) => p.code),
    );

    // pages in code order (taken unit by unit) follow unit code, then the running number, both ways
    const all = await ctx.db.prisma.project.findMany({
      where: { deletedAt: null, fiscalYear: 2570 },
      select: { code: true, serial: true, unit: { select: { code: true } } },
    });
    const byCode = all
      .sort((a, b) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : a.serial - b.serial))
      .map((p) => p.code);
    for (const order of ["asc", "desc"] as const) {
      const expectedOrder = order === "asc" ? byCode : [...byCode].reverse();
      for (const page of [1, 2, 9]) {
        const res = await inject(
          "GET",
          `/api/v1/projects?fiscalYear=2570&sort=code&order=${order}&pageSize=7&page=${page}`,
        );
        const codes = res.json<{ items: ProjectSummary[] }>().items.map((item) => item.code);
        expect(codes, `${order} page ${page}`).toEqual(expectedOrder.slice((page - 1) * 7, page * 7));
      }
    }

    // and within a unit's subtree (the district and its divisions)
    const units = await ctx.db.prisma.orgUnit.findMany({ select: { id: true, parentId: true, code: true } });
    const inSubtree = new Set([district.id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const u of units) {
        if (u.parentId !== null && inSubtree.has(u.parentId) && !inSubtree.has(u.id)) {
          inSubtree.add(u.id);
          grew = true;
        }
      }
    }
    const ofDistrict = await ctx.db.prisma.project.findMany({
      where: { deletedAt: null, fiscalYear: 2570, unitId: { in: [...inSubtree] } },
      select: { code: true, serial: true, unit: { select: { code: true } } },
    });
    const districtOrder = ofDistrict
      .sort((a, b) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : a.serial - b.serial))
      .map((p) => p.code);
    const districtPage = await inject("GET", "/api/v1/projects?fiscalYear=2570&unit=50450000&order=desc&pageSize=4");
    expect(districtPage.json<{ items: ProjectSummary[] }>().items.map((i) => i.code)).toEqual(
      [...districtOrder].reverse().slice(0, 4),
    );

    const list = await inject("GET", "/api/v1/projects?fiscalYear=2570&pageSize=100");
    for (const item of list.json<{ items: ProjectSummary[] }>().items) {
      const id = (await ctx.db.prisma.project.findUniqueOrThrow({ where: { code: item.code } })).id;
      const rule = expected.projects.get(id);
      expect({ progress: item.progress, status: item.scheduleStatus, reported: item.reportedThisMonth }).toEqual({
        progress: rule?.progress,
        status: rule?.scheduleStatus,
        reported: rule?.reportedThisMonth,
      });
    }
  });
});
