import { dayNumber, fiscalQuarterSpan, fiscalYearSpan, type Quarter } from "@cpm/schema/rules";
import { dayText } from "./day-text";
import type { Prng } from "./prng";
import type { RowBatch } from "./tables";
import { ACTIVITIES, AUDIENCES, COUNT_INDICATORS, LEVEL_INDICATORS, PERCENT_INDICATORS } from "./vocabulary";

/** The fiscal quarters of `fiscalYear` that ended before `today` (1–4), and their last days. */
export function endedQuarters(fiscalYear: number, today: number): number[] {
  const ends: number[] = [];
  for (let q = 1; q <= 4; q++) {
    const end = dayNumber(fiscalQuarterSpan(fiscalYear, q as Quarter).end);
    if (end < today) ends.push(end);
  }
  return ends;
}

const fill = (template: string, prng: Prng) =>
  template.replace("{a}", prng.pick(ACTIVITIES)).replace("{g}", prng.pick(AUDIENCES));

/** A score of criteria 2.1 / 2.2: mostly whole tens, sometimes two decimals. */
const score = (prng: Prng) =>
  (prng.chance(0.8) ? prng.pick([60, 70, 80, 90, 100, 100]) : Math.round(prng.float(50, 100) * 100) / 100).toFixed(2);

/**
 * A unit's KPIs (ตัวชี้วัด) of one fiscal year, `count` of them, with their results for the quarters
 * that have ended: a level 1–5, a percent, or a count against a target. Returns their ids.
 */
export function indicatorRows(
  prng: Prng,
  batch: RowBatch,
  unit: { id: number; code: string },
  fiscalYear: number,
  firstId: number,
  count: number,
  today: number,
): number[] {
  const quarterEnds = endedQuarters(fiscalYear, today);
  const yearStart = dayNumber(fiscalYearSpan(fiscalYear).start);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = firstId + i;
    ids.push(id);
    const roll = prng.next();
    let name: string;
    let measureUnit: string;
    let measureType: "number" | "percent" | "level";
    let target: number;
    let valueAt: (quarter: number) => number;
    if (roll < 0.35) {
      name = fill(prng.pick(LEVEL_INDICATORS), prng);
      measureUnit = "ระดับ";
      measureType = "level";
      target = 5;
      valueAt = (q) => Math.min(5, q + prng.int(0, 1));
    } else if (roll < 0.7) {
      name = fill(prng.pick(PERCENT_INDICATORS), prng);
      measureUnit = "ร้อยละ";
      measureType = "percent";
      target = prng.pick([80, 85, 90, 95, 100]);
      valueAt = (q) => Math.min(100, Math.round(target * (q / 4) * prng.float(0.7, 1.15) * 100) / 100);
    } else {
      const [template, unitName] = prng.pick(COUNT_INDICATORS);
      name = fill(template, prng);
      measureUnit = unitName;
      measureType = "number";
      target = prng.pick([10, 12, 20, 50, 100, 200, 500, 1_000, 2_000]);
      valueAt = (q) => Math.round(target * (q / 4) * prng.float(0.6, 1.2));
    }
    let achieved: string | null = null;
    let updated = yearStart - prng.int(0, 30);
    const created = updated;
    let reached = 0;
    for (const [index, end] of quarterEnds.entries()) {
      // results are cumulative over the year: they never fall
      reached = Math.max(reached, valueAt(index + 1));
      const value = reached.toFixed(2);
      const scored = index < quarterEnds.length - 1 || prng.chance(0.75);
      batch.indicator_quarter_result.push([
        id,
        index + 1,
        value,
        scored ? score(prng) : null,
        scored ? score(prng) : null,
      ]);
      achieved = value;
      updated = Math.min(today, end + prng.int(3, 25));
    }
    batch.indicator.push([
      id,
      `${unit.code}-${fiscalYear}-${i + 1}`,
      unit.id,
      fiscalYear,
      name,
      measureUnit,
      target.toFixed(2),
      achieved,
      prng.chance(0.5) ? "strategic" : "routine",
      prng.chance(0.6) ? "output" : "outcome",
      `${dayText(created)} 09:00:00+07`,
      `${dayText(updated)} 09:00:00+07`,
      measureType,
    ]);
  }
  return ids;
}
