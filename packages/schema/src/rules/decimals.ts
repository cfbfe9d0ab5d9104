/** Percents, weights, scores and baht carry at most two decimals; work in hundredths to avoid float drift. */
export const toHundredths = (value: number): number => Math.round(value * 100);
export const fromHundredths = (hundredths: number): number => hundredths / 100;
/**
 * Round half away from zero to two decimals, after first settling float noise at six decimals,
 * so that 15.6249999999 (float) and 15.625 (exact, as PostgreSQL's numeric has it) both give 15.63.
 * SQL mirrors it as ROUND(ROUND(x, 6), 2).
 */
export function round2(value: number): number {
  const micro = Math.round(Math.abs(value) * 1e6);
  return (Math.sign(value) * Math.floor((micro + 5_000) / 10_000)) / 100;
}

/** Exactly: 1.005 and 1e-10 have more than two decimals (they would be stored rounded). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && Number(value.toFixed(2)) === value;
}
