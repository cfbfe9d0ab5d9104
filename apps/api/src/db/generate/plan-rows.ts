import { dayText } from "./day-text";
import type { Prng } from "./prng";
import type { Row } from "./tables";
import { FIRST_STEP, LAST_STEP, MIDDLE_STEPS } from "./vocabulary";

/** A plan step on day numbers; `weight` in hundredths (a plan's weights sum to exactly 10,000). */
export interface StepPlan {
  name: string;
  weight: number;
  start: number;
  end: number;
}

/** Split `total` into `count` parts of at least `min` each, at random, summing exactly to `total`. */
function partition(prng: Prng, total: number, count: number, min: number): number[] {
  const shares = Array.from({ length: count }, () => prng.float(0.2, 1));
  const sum = shares.reduce((a, b) => a + b, 0);
  const free = total - count * min;
  const parts = shares.map((share) => min + Math.floor((free * share) / sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  while (rest > 0) {
    parts[prng.int(0, count - 1)]! += 1;
    rest--;
  }
  return parts;
}

/**
 * Step weights in hundredths: like the legacy pages, mostly multiples of 5 % (10, 10, 10, 10, 10, 50)
 * or whole percents, sometimes two decimals (33.33).
 */
export function stepWeights(prng: Prng, count: number): number[] {
  const roll = prng.next();
  if (roll < 0.4) return partition(prng, 20, count, 1).map((part) => part * 500);
  if (roll < 0.75) return partition(prng, 100, count, 2).map((part) => part * 100);
  return partition(prng, 10_000, count, 200);
}

/** 4–8 ordered steps over [start, end], consecutive spans with some overlap. */
export function planSteps(prng: Prng, start: number, end: number): StepPlan[] {
  const count = prng.int(4, 8);
  const weights = stepWeights(prng, count);
  const middle = prng
    .sample(
      MIDDLE_STEPS.map((_, i) => i),
      count - 2,
    )
    .sort((a, b) => a - b)
    .map((i) => MIDDLE_STEPS[i] as string);
  const names = [FIRST_STEP, ...middle, LAST_STEP];
  const lengths = partition(prng, Math.max(end - start, count), count, 1);
  const steps: StepPlan[] = [];
  let from = start;
  for (let i = 0; i < count; i++) {
    const to = Math.min(end, from + (lengths[i] as number));
    const overlap = i < count - 1 && prng.chance(0.3) ? prng.int(1, 15) : 0;
    steps.push({
      name: names[i] as string,
      weight: weights[i] as number,
      start: from,
      end: Math.min(end, to + overlap),
    });
    from = to;
  }
  return steps;
}

/** Σ weight × share of the step's span elapsed at `day`, in percent: the rules' plannedCompletion on day numbers. */
export function plannedAt(steps: StepPlan[], day: number): number {
  let sum = 0;
  for (const step of steps) {
    const span = step.end - step.start;
    const share = span <= 0 ? (day >= step.start ? 1 : 0) : Math.min(1, Math.max(0, (day - step.start) / span));
    sum += step.weight * share;
  }
  return sum / 100;
}

const dateOrNull = (day: number | null) => (day === null ? null : dayText(day));

/**
 * The plan_step rows for a project whose latest cumulative progress is `progress`: steps complete
 * in order. `unscheduled` stores every span as the project's first day, as the legacy data has it
 * when the schedule was never filled in.
 */
export function stepRows(
  prng: Prng,
  projectId: number,
  firstId: number,
  steps: StepPlan[],
  progress: number,
  today: number,
  unscheduled: boolean,
): Row[] {
  let remaining = progress;
  const first = steps[0]?.start ?? today;
  return steps.map((step, i) => {
    const weight = step.weight / 100;
    const completion = Math.max(0, Math.min(100, Math.round((remaining / weight) * 10_000) / 100));
    remaining = Math.max(0, remaining - weight);
    const actualStart = completion > 0 ? Math.min(today, step.start + prng.int(0, 10)) : null;
    const actualEnd =
      completion >= 100 ? Math.max(actualStart ?? 0, Math.min(today, step.end + prng.int(-5, 10))) : null;
    return [
      firstId + i,
      projectId,
      i + 1,
      step.name,
      (step.weight / 100).toFixed(2),
      dayText(unscheduled ? first : step.start),
      dayText(unscheduled ? first : step.end),
      dateOrNull(actualStart),
      dateOrNull(actualEnd),
      completion.toFixed(2),
    ];
  });
}
