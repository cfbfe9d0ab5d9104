import { fromHundredths, toHundredths } from "./decimals";

export const FULL_WEIGHT = 100;

/** Sum of step weights (น้ำหนัก %), exact to two decimals. */
export function totalWeight(steps: ReadonlyArray<{ weight: number }>): number {
  return fromHundredths(steps.reduce((sum, step) => sum + toHundredths(step.weight), 0));
}

/** A plan's weights must add up to exactly 100.00. An empty plan is allowed (no plan yet). */
export function weightsAreComplete(steps: ReadonlyArray<{ weight: number }>): boolean {
  return steps.length === 0 || toHundredths(totalWeight(steps)) === toHundredths(FULL_WEIGHT);
}
