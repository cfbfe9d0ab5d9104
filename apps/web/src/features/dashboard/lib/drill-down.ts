import type { Dashboard } from "@cpm/schema";
import type { ScheduleStatus } from "@cpm/schema/rules";

/** What a card, a bar or a cell of the dashboard counts: a status, the projects not reported, or all. */
export type DrillDown = ScheduleStatus | "not_reported" | "all";

/**
 * The list of the projects a dashboard figure counts: the same fiscal year, unit (with its
 * sub-units) and as-of day, so that the list's count is the figure's (one rule, one day).
 */
export function projectsLinkFor(
  dashboard: Pick<Dashboard, "fiscalYear" | "asOf">,
  unitCode?: string,
  what: DrillDown = "all",
) {
  const query = new URLSearchParams({ fiscalYear: String(dashboard.fiscalYear), asOf: dashboard.asOf });
  if (unitCode) query.set("unit", unitCode);
  if (what !== "all") query.set("status", what);
  return `/projects?${query}`;
}
