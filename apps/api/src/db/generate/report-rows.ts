import { toBuddhistYear } from "@cpm/schema/rules";
import { dayText, monthStartOf, nextMonthStart } from "./day-text";
import { plannedAt, type StepPlan } from "./plan-rows";
import type { Prng } from "./prng";
import type { Row } from "./tables";
import { NARRATIVES, NONE, OBSTACLES, PROBLEMS } from "./vocabulary";

/** How a project reports, so dashboards open on a realistic mix. */
export type Behaviour = "on_track" | "behind" | "ahead" | "stalled" | "silent";

export interface ReportPlan {
  behaviour: Behaviour;
  /** the project's real schedule (stored or not) */
  steps: StepPlan[];
  start: number;
  /** the last day a report may carry: today, or a little after the fiscal year for late reports */
  until: number;
  /** whole percents only (100, not 100.00), as some units type them */
  wholePercents: boolean;
}

const PACE: Record<Behaviour, [number, number]> = {
  on_track: [0.93, 1.07],
  behind: [0.35, 0.8],
  ahead: [1.1, 1.5],
  stalled: [0.7, 1],
  silent: [0, 0],
};

const pad = (n: number) => String(n).padStart(2, "0");

/** A date inside a narrative, in the mixed formats of the legacy texts: 30/11/2563 (BE) or 12/29/2020 (CE). */
function textDate(prng: Prng, day: number): string {
  const [y, m, d] = dayText(day).split("-").map(Number) as [number, number, number];
  return prng.chance(0.7) ? `${pad(d)}/${pad(m)}/${toBuddhistYear(y)}` : `${pad(m)}/${pad(d)}/${y}`;
}

const stamp = (day: number, hour: number) => `${dayText(day)} ${pad(hour)}:00:00+07`;

/**
 * Monthly cumulative progress reports from the project's start to `until`: usually in the second
 * half of the month, sometimes early the next month (late), sometimes not at all (missing); a
 * stalled project stops reporting. Percents follow the plan at the behaviour's pace, never fall
 * (but for a rare slip, as in real data) and stay within 0–100.
 */
export function reportRows(
  prng: Prng,
  projectId: number,
  firstId: number,
  plan: ReportPlan,
  today: number,
): { rows: Row[]; progress: number; lastStamp: string | null } {
  const rows: Row[] = [];
  if (plan.behaviour === "silent" || plan.start > plan.until) return { rows, progress: 0, lastStamp: null };
  const [minPace, maxPace] = PACE[plan.behaviour];
  const pace = prng.float(minPace, maxPace);
  const stallFrom = plan.behaviour === "stalled" ? plan.until - prng.int(35, 100) : Number.POSITIVE_INFINITY;
  let previous = 0;
  let lastStamp: string | null = null;
  let lastDay = -1;
  for (let month = monthStartOf(plan.start); month <= plan.until; month = nextMonthStart(month)) {
    const monthEnd = nextMonthStart(month) - 1;
    if (prng.chance(0.06)) continue;
    let day = prng.chance(0.1) ? monthEnd + prng.int(1, 10) : month + prng.int(14, 27);
    if (day < plan.start) day = plan.start;
    if (day > plan.until || day >= stallFrom || day <= lastDay) continue;
    const planned = plannedAt(plan.steps, day);
    let percent = Math.min(100, Math.max(0, planned * pace + (planned > 0 ? prng.float(-2, 2) : 0)));
    if (planned >= 100 && plan.behaviour !== "behind") percent = 100;
    percent = plan.wholePercents ? Math.round(percent) : Math.round(percent * 100) / 100;
    if (previous > 5 && previous < 100 && prng.chance(0.015)) percent = previous - prng.int(1, 5);
    else percent = Math.max(previous, percent);
    previous = percent;
    lastDay = day;
    const behind = plan.behaviour === "behind" || plan.behaviour === "stalled";
    const narrative = percent >= 100 ? "ดำเนินการแล้วเสร็จ" : prng.pick(NARRATIVES);
    const created = Math.min(today, day + prng.int(0, 3));
    lastStamp = stamp(created, prng.int(8, 17));
    rows.push([
      firstId + rows.length,
      projectId,
      dayText(day),
      percent.toFixed(2),
      prng.chance(0.12) ? `ผลการดำเนินงาน ณ วันที่ ${textDate(prng, day)} ${narrative}` : narrative,
      prng.chance(behind ? 0.5 : 0.06) ? prng.pick(PROBLEMS) : NONE,
      prng.chance(behind ? 0.3 : 0.04) ? prng.pick(OBSTACLES) : NONE,
      lastStamp,
      lastStamp,
    ]);
  }
  return { rows, progress: previous, lastStamp };
}
