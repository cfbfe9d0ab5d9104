import type { Dashboard } from "@cpm/schema";

/** The dashboard's chart sizes, known before the lazy charts load so that their placeholders take the same room. */
export const PROGRESS_CHART_HEIGHT = 240;

/** The units drawn in the status-by-unit chart: those with projects. */
export const chartedUnits = (dashboard: Dashboard) => dashboard.units.filter((u) => u.projects > 0);

/** One bar of 26 px per unit, the axis and the legend (a phone's legend wraps to three lines). */
export const statusChartHeight = (dashboard: Dashboard) => Math.max(240, chartedUnits(dashboard).length * 26 + 90);
