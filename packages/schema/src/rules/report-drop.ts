/**
 * Progress reports are cumulative: a percent lower than the report before it is suspect (a typing
 * mistake, or work counted twice), so it is flagged, and a person entering one says why.
 */
export function percentDrops(previousPercent: number | null | undefined, percent: number | null | undefined): boolean {
  return (
    previousPercent !== null &&
    previousPercent !== undefined &&
    percent !== null &&
    percent !== undefined &&
    !Number.isNaN(percent) &&
    percent < previousPercent
  );
}
