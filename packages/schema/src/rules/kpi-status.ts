import { round2 } from "./decimals";
import type { Quarter } from "./fiscal-calendar";

/** จำนวน (a count or amount) · ร้อยละ (percent) · ระดับ 1–5 (an ordinal level with a rubric per level). */
export const KPI_MEASURE_TYPES = ["number", "percent", "level"] as const;
export type KpiMeasureType = (typeof KPI_MEASURE_TYPES)[number];

/** Whether a higher or a lower figure is better (ค่ายิ่งมากยิ่งดี / ค่ายิ่งน้อยยิ่งดี). */
export const KPI_DIRECTIONS = ["higher", "lower"] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/** บรรลุ · ตามเป้า · เสี่ยง · ไม่บรรลุ */
export const KPI_STATUSES = ["achieved", "on_track", "at_risk", "missed"] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

export const KPI_LEVEL_MIN = 1;
export const KPI_LEVEL_MAX = 5;
/** A figure may fall short of the period's expectation by this share of it (percent) and still be on track. */
export const DEFAULT_ON_TRACK_MARGIN = 10;

export interface KpiDefinition {
  measureType: KpiMeasureType;
  direction: KpiDirection;
  /**
   * Cumulative: each quarter's value is the figure to date, so the year's figure is the last
   * quarter's. Not cumulative: each quarter's value is that quarter's own, and the year's figure is
   * their sum (a number) or their mean (a percent). A level is always the last quarter's.
   */
  cumulative: boolean;
  baseline: number | null;
  /** The year's target. */
  target: number;
  /**
   * Milestones of the year's figure: what it should be by the end of quarters 1–4 (null: on the
   * straight line from the baseline, or from zero for a sum, to the year's target).
   */
  quarterTargets: readonly (number | null)[];
  /** Percent of the period's expected figure by which it may fall short and still be on track. */
  onTrackMargin: number;
}

export interface KpiResults {
  /** The quarters' values (ผลงาน), any order. */
  quarters: readonly { quarter: Quarter; value: number }[];
  /**
   * The year's figure as entered (ผลงานที่ทำได้): it is the year's figure once final, and before any
   * quarter has a value (the legacy KPI 5045-861 has quarters of 1.00 and a year of ระดับ 5).
   */
  entered: number | null;
  /** The fiscal year has ended: what is reported is final. */
  yearOver: boolean;
}

export interface KpiJudgement {
  /** The year's figure to date. */
  figure: number | null;
  /** The last quarter with a value. */
  throughQuarter: Quarter | null;
  /** What the figure should be by the end of that quarter. */
  expected: number | null;
  /** Progress from the baseline to the year's target, in percent (0 when the figure moved the wrong way). */
  achievement: number | null;
  /** null: nothing reported yet, and the year is not over. */
  status: KpiStatus | null;
  /** The year's figure can no longer change: the 4th quarter is reported, or the year is over. */
  final: boolean;
}

type Aggregation = "latest" | "sum" | "mean";

export function kpiAggregation(definition: Pick<KpiDefinition, "measureType" | "cumulative">): Aggregation {
  if (definition.measureType === "level" || definition.cumulative) return "latest";
  return definition.measureType === "percent" ? "mean" : "sum";
}

/** What the year's figure should be by the end of `quarter`. */
export function kpiExpectedThrough(definition: KpiDefinition, quarter: Quarter): number {
  const milestone = definition.quarterTargets[quarter - 1];
  if (quarter === 4) return milestone ?? definition.target;
  if (milestone !== null && milestone !== undefined) return milestone;
  switch (kpiAggregation(definition)) {
    case "sum":
      return round2((definition.target * quarter) / 4);
    case "mean":
      return definition.target;
    default:
      return definition.baseline === null
        ? definition.target
        : round2(definition.baseline + ((definition.target - definition.baseline) * quarter) / 4);
  }
}

const meets = (direction: KpiDirection, figure: number, goal: number) =>
  direction === "higher" ? figure >= goal : figure <= goal;

/** Progress from the baseline (or from zero) to the target, in percent, never below 0. */
export function kpiAchievement(definition: KpiDefinition, figure: number): number {
  const { baseline, target, direction } = definition;
  let share: number;
  if (baseline !== null && baseline !== target) {
    share = (direction === "higher" ? figure - baseline : baseline - figure) / Math.abs(target - baseline);
  } else if (direction === "higher") {
    share = target === 0 ? (figure >= 0 ? 1 : 0) : figure / target;
  } else {
    share = figure <= target ? 1 : figure === 0 ? 1 : target / figure;
  }
  return Math.max(0, round2(share * 100));
}

/**
 * The one rule that judges a KPI (ตัวชี้วัด), first match wins:
 * - the year's figure: as entered once final or before any quarter; otherwise from the quarters
 *   (the last, the sum or the mean);
 * - nothing reported: missed when the year is over, otherwise not judged yet (null);
 * - final (4th quarter reported, or the year over): achieved when the figure meets the year's
 *   target, missed otherwise;
 * - higher is better and the figure (a running total or the latest value) already meets the year's
 *   target: achieved;
 * - lower is better, a sum, and already beyond the year's target: missed (a sum cannot fall back);
 * - the figure meets what was expected by its quarter, or falls short by at most the on-track margin
 *   (percent of the expectation): on track;
 * - otherwise at risk.
 */
export function judgeKpi(definition: KpiDefinition, results: KpiResults): KpiJudgement {
  const reported = [...results.quarters].sort((a, b) => a.quarter - b.quarter);
  const last = reported.at(-1);
  const aggregation = kpiAggregation(definition);
  const throughQuarter = last?.quarter ?? null;
  const final = results.yearOver || throughQuarter === 4;
  let figure: number | null;
  if (!last || (final && results.entered !== null)) figure = results.entered;
  else if (aggregation === "latest") figure = last.value;
  else {
    const sum = reported.reduce((total, q) => total + q.value, 0);
    figure = round2(aggregation === "sum" ? sum : sum / reported.length);
  }
  const expected =
    throughQuarter === null ? (final ? definition.target : null) : kpiExpectedThrough(definition, throughQuarter);
  const judged = (status: KpiStatus | null): KpiJudgement => ({
    figure,
    throughQuarter,
    expected,
    achievement: figure === null ? null : kpiAchievement(definition, figure),
    status,
    final,
  });
  const { direction, target } = definition;
  if (figure === null) return judged(final ? "missed" : null);
  if (final) return judged(meets(direction, figure, target) ? "achieved" : "missed");
  if (direction === "higher" && aggregation !== "mean" && meets(direction, figure, target)) return judged("achieved");
  if (direction === "lower" && aggregation === "sum" && !meets(direction, figure, target)) return judged("missed");
  const goal = expected ?? target;
  if (meets(direction, figure, goal)) return judged("on_track");
  const allowed = (Math.abs(goal === 0 ? target : goal) * definition.onTrackMargin) / 100;
  return judged(Math.abs(figure - goal) <= allowed + 1e-9 ? "on_track" : "at_risk");
}

export interface KpiDefinitionProblem {
  path: string;
  reason: "levelOutOfRange" | "rubricLength" | "percentOutOfRange";
}

/** What a KPI's definition may not be: a level outside 1–5 or a rubric not of five texts; a percent above 100. */
export function kpiDefinitionProblems(
  definition: Pick<KpiDefinition, "measureType" | "baseline" | "target" | "quarterTargets"> & {
    levelRubric: readonly string[];
  },
): KpiDefinitionProblem[] {
  const problems: KpiDefinitionProblem[] = [];
  const values: [string, number | null][] = [
    ["target", definition.target],
    ["baseline", definition.baseline],
    ...definition.quarterTargets.map((value, i): [string, number | null] => [`quarterTargets.${i}`, value]),
  ];
  for (const [path, value] of values) {
    if (value === null) continue;
    if (definition.measureType === "level" && (value < KPI_LEVEL_MIN || value > KPI_LEVEL_MAX)) {
      problems.push({ path, reason: "levelOutOfRange" });
    }
    if (definition.measureType === "percent" && value > 100) problems.push({ path, reason: "percentOutOfRange" });
  }
  const rubric = definition.levelRubric.length;
  if (rubric !== 0 && (definition.measureType !== "level" || rubric !== KPI_LEVEL_MAX)) {
    problems.push({ path: "levelRubric", reason: "rubricLength" });
  }
  return problems;
}
