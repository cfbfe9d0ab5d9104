import { type IsoDate, monthEndsOf, monthSpan } from "@cpm/schema/rules";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { UnitYear } from "../sql/project-metrics";
import { frozenMonthEnds, lockUnitYears, turnCalendar } from "./calendar";
import { keepIndicatorStatusCounts } from "./indicator-judgement";
import { keepProjectFigures, unitYearsOf } from "./project-figures";
import { freezeUnitMonths, keepIndicatorFigures, keepUnitFigures } from "./unit-figures";

export { keptAsOf, turnCalendar } from "./calendar";
export { forgetCalendar, keptSourceFor } from "./freshness";
export { judgeIndicators } from "./indicator-judgement";

type Tx = Prisma.TransactionClient;

/** What a write touched, for keeping the figures that depend on it. */
export interface ProjectChange {
  projectIds: number[];
  /** The units' years the projects count in, when the write cannot move them (saves a look-up). */
  unitYears?: UnitYear[];
  /**
   * The earliest day whose figures the write can change: a report's date (old and new). Without
   * it (plan, budget, unit, deletion), every day of the fiscal year.
   */
  from?: IsoDate;
}

/**
 * Keep every figure that a write to some projects changes, in the write's own transaction: the
 * projects' rows, the sums of their units (before and after a move), and the frozen month-end sums
 * from the change's first day on.
 */
export async function keepFiguresAfterWrite(tx: Tx, change: ProjectChange, today: IsoDate): Promise<void> {
  const unitYears = change.unitYears ?? (await unitYearsOf(tx, change.projectIds));
  await lockUnitYears(tx, unitYears);
  await keepProjectFigures(tx, { projectIds: change.projectIds }, today);
  await keepUnitFigures(tx, unitYears, today);
  // a change from this month on cannot reach a closed month
  if (change.from !== undefined && change.from >= monthSpan(today).start) return;
  const frozen = [...(await frozenMonthEnds(tx))].sort();
  for (const fiscalYear of new Set(unitYears.map((u) => u.fiscalYear))) {
    const ofYear = new Set(monthEndsOf(fiscalYear));
    const reached = frozen.filter((end) => ofYear.has(end) && (change.from === undefined || end >= change.from));
    await freezeUnitMonths(tx, reached, fiscalYear, unitYears);
  }
}

/** Keep the KPI counts of the units' fiscal years an indicator write touched (before and after). */
export async function keepIndicatorFiguresAfterWrite(tx: Tx, unitYears: UnitYear[]): Promise<void> {
  await lockUnitYears(tx, unitYears);
  await keepIndicatorFigures(tx, unitYears);
  await keepIndicatorStatusCounts(tx, unitYears);
}

/**
 * Rebuild every kept figure (per project, per unit, per frozen month, KPI counts) from the data,
 * as of `today`. Called after a bulk load (data generator, demo seed).
 */
export async function rebuildAllFigures(prisma: PrismaClient, today: IsoDate): Promise<void> {
  await turnCalendar(prisma, today, { rebuild: true });
}
