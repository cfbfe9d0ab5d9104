/** The plan-vs-actual chart's height, known before the lazy chart loads so that its placeholder takes the same room. */
export const PLAN_CHART_HEIGHT = 260;
