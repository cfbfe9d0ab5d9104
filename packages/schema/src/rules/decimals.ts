/** Percents, weights, scores and baht carry at most two decimals; work in hundredths to avoid float drift. */
export const toHundredths = (value: number): number => Math.round(value * 100);
export const fromHundredths = (hundredths: number): number => hundredths / 100;
export const round2 = (value: number): number => fromHundredths(toHundredths(value));

export function hasAtMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}
