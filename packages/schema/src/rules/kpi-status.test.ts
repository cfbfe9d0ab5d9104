import { describe, expect, it } from "vitest";
import type { Quarter } from "./fiscal-calendar";
import { judgeKpi, type KpiDefinition, kpiDefinitionProblems, kpiExpectedThrough } from "./kpi-status";

const results = (values: number[], yearOver = false) => ({
  quarters: values.map((value, i) => ({ quarter: (i + 1) as Quarter, value })),
  entered: null,
  yearOver,
});

describe("KPI status: cumulative percent, higher is better (baseline 20, target 80)", () => {
  const kpi: KpiDefinition = {
    measureType: "percent",
    direction: "higher",
    cumulative: true,
    baseline: 20,
    target: 80,
    quarterTargets: [null, null, null, null],
    onTrackMargin: 10,
  };

  it("expects the straight line from the baseline to the target", () => {
    expect([1, 2, 3, 4].map((q) => kpiExpectedThrough(kpi, q as Quarter))).toEqual([35, 50, 65, 80]);
  });

  it("is achieved once the figure to date reaches the year's target, even before the 4th quarter", () => {
    expect(judgeKpi(kpi, results([40, 82]))).toMatchObject({ figure: 82, status: "achieved", final: false });
    expect(judgeKpi(kpi, results([40, 60, 70, 81]))).toMatchObject({ figure: 81, status: "achieved", final: true });
  });

  it("is on track at or above the quarter's expectation, or short of it by at most the margin", () => {
    expect(judgeKpi(kpi, results([30, 52]))).toMatchObject({ expected: 50, status: "on_track" });
    // 46 is 4 short of 50; 10 % of 50 is 5
    expect(judgeKpi(kpi, results([30, 46]))).toMatchObject({ status: "on_track", achievement: 43.33 });
  });

  it("is at risk when short by more than the margin", () => {
    expect(judgeKpi(kpi, results([30, 44.99]))).toMatchObject({ status: "at_risk" });
  });

  it("is missed when the 4th quarter, or the year's end, finds it short of the target", () => {
    expect(judgeKpi(kpi, results([40, 50, 60, 79.99]))).toMatchObject({ status: "missed", final: true });
    expect(judgeKpi(kpi, results([40, 50, 70], true))).toMatchObject({ status: "missed", final: true });
  });
});

describe("KPI status: non-cumulative count, lower is better (at most 40 in the year, baseline 60)", () => {
  const kpi: KpiDefinition = {
    measureType: "number",
    direction: "lower",
    cumulative: false,
    baseline: 60,
    target: 40,
    quarterTargets: [null, null, null, null],
    onTrackMargin: 10,
  };

  it("sums the quarters and expects a quarter of the target per quarter", () => {
    expect([1, 2, 3].map((q) => kpiExpectedThrough(kpi, q as Quarter))).toEqual([10, 20, 30]);
    expect(judgeKpi(kpi, results([9, 10, 8]))).toMatchObject({ figure: 27, throughQuarter: 3 });
  });

  it("is achieved when the year's sum stays within the target", () => {
    expect(judgeKpi(kpi, results([9, 10, 8, 10]))).toMatchObject({ figure: 37, status: "achieved", achievement: 115 });
  });

  it("is not achieved early: a sum under the target in the 2nd quarter is on track", () => {
    expect(judgeKpi(kpi, results([5, 5]))).toMatchObject({ figure: 10, status: "on_track" });
    // 21 is 1 over 20; 10 % of 20 is 2
    expect(judgeKpi(kpi, results([10, 11]))).toMatchObject({ figure: 21, status: "on_track" });
  });

  it("is at risk when over the quarter's expectation by more than the margin", () => {
    expect(judgeKpi(kpi, results([14, 12]))).toMatchObject({ figure: 26, status: "at_risk" });
  });

  it("is missed as soon as the sum passes the year's target, and when the year ends over it", () => {
    expect(judgeKpi(kpi, results([20, 15, 10]))).toMatchObject({ figure: 45, status: "missed", final: false });
    expect(judgeKpi(kpi, results([10, 10, 11, 11]))).toMatchObject({ figure: 42, status: "missed", final: true });
  });
});

describe("KPI status: ordinal level 1–5 with quarter milestones 2, 3, 4, 5", () => {
  const kpi: KpiDefinition = {
    measureType: "level",
    direction: "higher",
    cumulative: false,
    baseline: 1,
    target: 5,
    quarterTargets: [2, 3, 4, 5],
    onTrackMargin: 10,
  };

  it("takes the latest level, even when not marked cumulative", () => {
    expect(judgeKpi(kpi, results([2, 3]))).toMatchObject({ figure: 3, expected: 3, status: "on_track" });
  });

  it("is achieved at level 5", () => {
    expect(judgeKpi(kpi, results([3, 4, 5]))).toMatchObject({ status: "achieved", achievement: 100 });
    expect(judgeKpi(kpi, results([2, 3, 4, 5]))).toMatchObject({ status: "achieved", final: true });
  });

  it("is at risk a level below the quarter's milestone (10 % of 3 is less than a level)", () => {
    expect(judgeKpi(kpi, results([2, 2]))).toMatchObject({ status: "at_risk", achievement: 25 });
  });

  it("is missed at level 4 at the year's end", () => {
    expect(judgeKpi(kpi, results([2, 3, 4, 4]))).toMatchObject({ status: "missed" });
  });
});

describe("KPI status without results", () => {
  const kpi: KpiDefinition = {
    measureType: "number",
    direction: "higher",
    cumulative: true,
    baseline: null,
    target: 100,
    quarterTargets: [null, null, null, null],
    onTrackMargin: 10,
  };

  it("is not judged before the year is over, and missed after", () => {
    expect(judgeKpi(kpi, results([]))).toMatchObject({ figure: null, status: null, achievement: null });
    expect(judgeKpi(kpi, results([], true))).toMatchObject({ status: "missed", final: true });
  });

  it("judges the year's figure as entered, against the year's target, when no quarter has a value", () => {
    expect(judgeKpi(kpi, { quarters: [], entered: 100, yearOver: true })).toMatchObject({ status: "achieved" });
    expect(judgeKpi(kpi, { quarters: [], entered: 95, yearOver: false })).toMatchObject({ status: "on_track" });
    expect(judgeKpi(kpi, { quarters: [], entered: 50, yearOver: false })).toMatchObject({
      status: "at_risk",
      achievement: 50,
    });
  });

  it("takes the year's figure as entered over the quarters once the year is final (legacy 5045-861)", () => {
    const level = { ...kpi, measureType: "level" as const, target: 5 };
    const legacy = { quarters: results([1, 1, 1, 1]).quarters, entered: 5, yearOver: true };
    expect(judgeKpi(level, legacy)).toMatchObject({ figure: 5, status: "achieved" });
    expect(judgeKpi(level, { ...legacy, quarters: legacy.quarters.slice(0, 2), yearOver: false })).toMatchObject({
      figure: 1,
      status: "at_risk",
    });
  });

  it("never gives a negative achievement", () => {
    expect(judgeKpi({ ...kpi, baseline: 50 }, results([40])).achievement).toBe(0);
  });
});

describe("KPI definition problems", () => {
  const definition = {
    measureType: "level" as const,
    baseline: null,
    target: 5,
    quarterTargets: [null, null, null, null],
    levelRubric: ["๑", "๒", "๓", "๔", "๕"],
  };

  it("accepts a level 1–5 with five rubric texts", () => {
    expect(kpiDefinitionProblems(definition)).toEqual([]);
  });

  it("refuses levels outside 1–5, a rubric not of five texts, a rubric on another measure, a percent over 100", () => {
    expect(kpiDefinitionProblems({ ...definition, target: 6, quarterTargets: [0, null, null, null] })).toEqual([
      { path: "target", reason: "levelOutOfRange" },
      { path: "quarterTargets.0", reason: "levelOutOfRange" },
    ]);
    expect(kpiDefinitionProblems({ ...definition, levelRubric: ["๑"] })).toEqual([
      { path: "levelRubric", reason: "rubricLength" },
    ]);
    expect(kpiDefinitionProblems({ ...definition, measureType: "number" })).toEqual([
      { path: "levelRubric", reason: "rubricLength" },
    ]);
    expect(kpiDefinitionProblems({ ...definition, measureType: "percent", levelRubric: [], target: 101 })).toEqual([
      { path: "target", reason: "percentOutOfRange" },
    ]);
  });
});
