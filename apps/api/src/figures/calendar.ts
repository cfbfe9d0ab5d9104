import { closedMonthEnds, type IsoDate } from "@cpm/schema/rules";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { fromDbDate } from "../lib/dates";
import type { UnitYear } from "../sql/project-metrics";
import { judgeIndicators, keepIndicatorStatusCounts } from "./indicator-judgement";
import { keepProjectFigures } from "./project-figures";
import { freezeUnitMonths, keepIndicatorFigures, keepUnitFigures } from "./unit-figures";

type Tx = Prisma.TransactionClient;

/** One key for the calendar job in pg_advisory_xact_lock: with several processes, one turns the day. */
const CALENDAR_LOCK = 7_014_551;

/**
 * Make the writes that sum the same units' years wait for one another, and for a calendar turn.
 * Under READ COMMITTED a sum computed while another write to the same unit is uncommitted misses
 * that write, and would then overwrite its row: with this lock each sum starts after the previous
 * writer committed. Taken in a fixed order, so that two writes cannot deadlock.
 */
export async function lockUnitYears(tx: Tx, unitYears: UnitYear[]): Promise<void> {
  // one statement: the calendar's lock (shared) first, then each unit's year in order
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock_shared(${CALENDAR_LOCK}::bigint)
    UNION ALL
    SELECT pg_advisory_xact_lock(u, y) FROM (
      SELECT DISTINCT u, y
      FROM unnest(${unitYears.map((u) => u.unitId)}::int[], ${unitYears.map((u) => u.fiscalYear)}::int[]) AS k(u, y)
      ORDER BY u, y
    ) AS ordered`;
}

/** The day the kept figures are as of, or null before the first build. */
export async function keptAsOf(client: Tx | PrismaClient): Promise<IsoDate | null> {
  const rows = await client.$queryRaw<{ as_of: Date }[]>`SELECT as_of FROM figures_calendar WHERE id = 1`;
  return rows[0] ? fromDbDate(rows[0].as_of) : null;
}

/** Month ends whose sums are frozen in unit_month_figures. */
export async function frozenMonthEnds(client: Tx | PrismaClient): Promise<Set<IsoDate>> {
  const rows = await client.$queryRaw<{ month_end: Date }[]>`SELECT month_end FROM frozen_month`;
  return new Set(rows.map((row) => fromDbDate(row.month_end)));
}

async function fiscalYearsWithProjects(tx: Tx): Promise<number[]> {
  const rows = await tx.$queryRaw<{ fiscal_year: number }[]>`SELECT DISTINCT fiscal_year FROM project ORDER BY 1`;
  return rows.map((row) => row.fiscal_year);
}

async function freezeClosedMonths(tx: Tx, today: IsoDate, rebuild: boolean): Promise<number> {
  const frozen = rebuild ? new Set<IsoDate>() : await frozenMonthEnds(tx);
  const fiscalYears = await fiscalYearsWithProjects(tx);
  let count = 0;
  for (const fiscalYear of fiscalYears) {
    const toFreeze = closedMonthEnds(fiscalYear, today).filter((end) => !frozen.has(end));
    await freezeUnitMonths(tx, toFreeze, fiscalYear, "all");
    count += toFreeze.length;
  }
  const closedNow = fiscalYears.flatMap((year) => closedMonthEnds(year, today));
  if (closedNow.length) {
    await tx.$executeRaw`
      INSERT INTO frozen_month (month_end) SELECT unnest(${closedNow}::date[]) ON CONFLICT (month_end) DO NOTHING`;
  }
  return count;
}

/**
 * Bring the kept figures to `today`: what moves with the calendar alone (planned completion,
 * "reported this month", and so the status) is evaluated again for every project, the unit sums
 * follow, and months that closed since are frozen. Under an advisory lock, so that with several
 * processes one does the work and the others find it done. A no-op when already as of today.
 */
export async function turnCalendar(
  prisma: PrismaClient,
  today: IsoDate,
  options: { rebuild?: boolean } = {},
): Promise<{ turned: boolean; frozenMonths: number }> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK}::bigint)`;
      const asOf = await keptAsOf(tx);
      // already as of today (or of a later day another process saw first)
      if (!options.rebuild && asOf !== null && asOf >= today) return { turned: false, frozenMonths: 0 };
      if (options.rebuild) {
        await tx.$executeRaw`DELETE FROM project_figures`;
        await tx.$executeRaw`DELETE FROM unit_figures`;
        await tx.$executeRaw`DELETE FROM unit_month_figures`;
        await tx.$executeRaw`DELETE FROM frozen_month`;
        await tx.$executeRaw`DELETE FROM unit_indicator_figures`;
        await judgeIndicators(tx, "all", today);
        await keepIndicatorFigures(tx, "all");
        await keepIndicatorStatusCounts(tx, "all");
      } else {
        // KPIs never judged (after a migration or a bulk load), or whose fiscal year ended since
        const judged = await judgeIndicators(tx, "due", today);
        await keepIndicatorFigures(tx, judged);
        await keepIndicatorStatusCounts(tx, judged);
      }
      await keepProjectFigures(tx, {}, today);
      await keepUnitFigures(tx, "all", today);
      const frozenMonths = await freezeClosedMonths(tx, today, options.rebuild ?? false);
      await tx.$executeRaw`
        INSERT INTO figures_calendar (id, as_of, updated_at) VALUES (1, ${today}::date, now())
        ON CONFLICT (id) DO UPDATE SET as_of = EXCLUDED.as_of, updated_at = EXCLUDED.updated_at`;
      return { turned: true, frozenMonths };
    },
    { timeout: 30 * 60_000, maxWait: 30 * 60_000 },
  );
}
