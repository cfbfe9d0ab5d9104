import type { Dashboard, IndicatorDetail } from "@cpm/schema";
import { judgeKpi, KPI_STATUSES, type Quarter } from "@cpm/schema/rules";
import { beforeAll, describe, expect, it } from "vitest";
import { turnCalendar } from "../../src/figures";
import { clientFor, signIn, useTestApp } from "../helper";

const UNIT = "50450000";
const FY = 2570;

/** Four KPIs of one unit, one at each status after their first quarter (today, 2026-11-25, is in FY 2570's Q1). */
const KPIS = [
  {
    // cumulative percent, higher is better: 36 by Q1 against 20 → 80 (35 expected)
    body: { code: "T-PCT", measureUnit: "ร้อยละ", measureType: "percent", baseline: 20, target: 80 },
    q1: 36,
    status: "on_track",
  },
  {
    // a count, lower is better, summed over the quarters: 45 already passes the year's 40
    body: { code: "T-CNT", measureUnit: "เรื่อง", direction: "lower", cumulative: false, baseline: 60, target: 40 },
    q1: 45,
    status: "missed",
  },
  {
    body: {
      code: "T-LVL",
      measureUnit: "ระดับ",
      measureType: "level",
      target: 5,
      quarterTargets: [2, 3, 4, 5],
      levelRubric: ["มีแผน", "เริ่มดำเนินการ", "ดำเนินการได้ครึ่งหนึ่ง", "ดำเนินการเกือบครบ", "ดำเนินการครบ"],
    },
    q1: 5,
    status: "achieved",
  },
  {
    // 10 by Q1 against 25 expected (a quarter of 100 from no baseline)
    body: { code: "T-NUM", measureUnit: "ราย", target: 100, cumulative: false },
    q1: 10,
    status: "at_risk",
  },
] as const;

describe("KPIs judged by the shared rule, kept and counted on the dashboard", () => {
  const ctx = useTestApp();
  let officer: Record<string, string> = {};
  const as = (headers: () => Record<string, string>) => clientFor(ctx.app, headers);
  beforeAll(async () => {
    officer = await signIn(ctx.app, "officer.wangthonglang");
  });
  const write = (...args: Parameters<ReturnType<typeof as>>) => as(() => officer)(...args);

  const unitRow = async () => {
    const res = await ctx.app.inject({ method: "GET", url: `/api/v1/dashboard?fiscalYear=${FY}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Dashboard>().units.find((row) => row.unitCode === UNIT);
  };

  const fromScratch = (kpis: IndicatorDetail[], yearOver: boolean) =>
    kpis.map(
      (kpi) =>
        judgeKpi(kpi, {
          quarters: kpi.quarters.map((q) => ({ quarter: q.quarter as Quarter, value: q.value })),
          entered: kpi.achieved,
          yearOver,
        }).status,
    );

  it("creates KPIs with their definitions; nothing reported is not judged yet", async () => {
    for (const { body } of KPIS) {
      const res = await write("POST", "/api/v1/indicators", {
        unitCode: UNIT,
        fiscalYear: FY,
        name: `ตัวชี้วัดทดสอบ ${body.code}`,
        type: "routine",
        resultLevel: "output",
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ ...body, status: null, achievement: null });
    }
    expect((await unitRow())?.indicatorStatus).toEqual({ achieved: 0, on_track: 0, at_risk: 0, missed: 0 });
  });

  it("judges each KPI when its quarter is written, and the unit's row counts them by status", async () => {
    for (const kpi of KPIS) {
      const res = await write("PUT", `/api/v1/indicators/${kpi.body.code}/quarters/1`, { value: kpi.q1 });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<IndicatorDetail>().status, kpi.body.code).toBe(kpi.status);
    }
    const pct = await ctx.app.inject({ method: "GET", url: "/api/v1/indicators/T-PCT" });
    // (36 - 20) / (80 - 20)
    expect(pct.json()).toMatchObject({ achievement: 26.67, quarterTargets: [null, null, null, null] });
    const level = await ctx.app.inject({ method: "GET", url: "/api/v1/indicators/T-LVL" });
    expect(level.json<IndicatorDetail>().levelRubric[4]).toBe("ดำเนินการครบ");

    const row = await unitRow();
    expect(row?.indicatorStatus).toEqual({ achieved: 1, on_track: 1, at_risk: 1, missed: 1 });
  });

  it("keeps the same counts as the rule evaluated from scratch over the unit's KPIs", async () => {
    const list = await ctx.app.inject({ method: "GET", url: `/api/v1/indicators?fiscalYear=${FY}&unit=${UNIT}` });
    const kpis = list.json<{ items: IndicatorDetail[] }>().items;
    const statuses = fromScratch(kpis, false);
    expect(kpis.map((k) => k.status)).toEqual(statuses);
    const expected = Object.fromEntries(KPI_STATUSES.map((s) => [s, statuses.filter((x) => x === s).length]));
    expect((await unitRow())?.indicatorStatus).toEqual(expected);
  });

  it("judges again after a change of definition: T-NUM with a target of 30 is on track", async () => {
    const res = await write("PATCH", "/api/v1/indicators/T-NUM", { target: 30 });
    expect(res.statusCode, res.body).toBe(200);
    // 7.5 expected by Q1: 10 is more, and more is better
    expect(res.json()).toMatchObject({ status: "on_track", achievement: 33.33 });
    expect((await unitRow())?.indicatorStatus).toMatchObject({ on_track: 2, at_risk: 0 });
  });

  it("refuses a level outside 1–5 and a rubric not of five texts, naming the field, and changes nothing", async () => {
    const created = await write("POST", "/api/v1/indicators", {
      code: "T-BAD",
      unitCode: UNIT,
      fiscalYear: FY,
      name: "ระดับเกินห้า",
      measureUnit: "ระดับ",
      measureType: "level",
      target: 6,
      levelRubric: ["หนึ่ง"],
      type: "routine",
      resultLevel: "output",
    });
    expect(created.statusCode).toBe(400);
    const errors = created.json<{ errors: { path: string; code: string; message: { th: string } }[] }>().errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "target", code: "levelOutOfRange" }),
        expect.objectContaining({ path: "levelRubric", code: "rubricLength" }),
      ]),
    );
    expect(errors.find((e) => e.path === "target")?.message.th).toBe("ค่าระดับต้องอยู่ระหว่าง 1 ถึง 5");

    const before = await ctx.app.inject({ method: "GET", url: "/api/v1/indicators/T-PCT" });
    // a percent KPI of target 80 cannot become a level
    const patched = await write("PATCH", "/api/v1/indicators/T-PCT", { measureType: "level" });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().errors[0]).toMatchObject({ path: "target", code: "levelOutOfRange" });
    const after = await ctx.app.inject({ method: "GET", url: "/api/v1/indicators/T-PCT" });
    expect(after.json()).toEqual(before.json());
  });

  it("judges again when the fiscal year ends: what did not reach its target is missed", async () => {
    await turnCalendar(ctx.db.prisma, "2027-10-01");
    const list = await ctx.app.inject({ method: "GET", url: `/api/v1/indicators?fiscalYear=${FY}&unit=${UNIT}` });
    const kpis = list.json<{ items: IndicatorDetail[] }>().items;
    expect(Object.fromEntries(kpis.map((k) => [k.code, k.status]))).toEqual({
      "T-CNT": "missed",
      "T-LVL": "achieved",
      "T-NUM": "missed",
      "T-PCT": "missed",
    });
    expect(kpis.map((k) => k.status)).toEqual(fromScratch(kpis, true));
    expect((await unitRow())?.indicatorStatus).toEqual({ achieved: 1, on_track: 0, at_risk: 0, missed: 3 });
  });

  // last: the year is over and T-NUM's figure changes
  it("keeps an achievement far beyond numeric(14,2): the largest value against a target of 30", async () => {
    // 999,999,999,999.99 / 30 = 3,333,333,333,333.33 % of the target (answered 500 when the kept column was numeric(14,2))
    const big = await write("PUT", "/api/v1/indicators/T-NUM/quarters/1", { value: 999_999_999_999.99 });
    expect(big.statusCode, big.body).toBe(200);
    expect(big.json<IndicatorDetail>().status).toBe("achieved");
    expect(big.json<IndicatorDetail>().achievement).toBeCloseTo(3_333_333_333_333.33, 0);
  });
});
