// The kept figures recomputed from scratch with the shared rules of packages/schema, in
// TypeScript: what every kept row must equal, whatever writes and calendar turns came before.
import {
  budgetSpentAsOf,
  closedMonthEnds,
  type IsoDate,
  latestReport,
  plannedCompletion,
  projectDeadline,
  reportedThisMonth,
  round2,
  scheduleStatus,
} from "@cpm/schema/rules";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { fromDbDate, fromDbDateOrNull } from "../../src/lib/dates";

export interface ProjectFigure {
  projectId: number;
  unitId: number;
  fiscalYear: number;
  progress: number | null;
  lastReportDate: IsoDate | null;
  planned: number;
  scheduleStatus: string;
  reportedThisMonth: boolean;
  spent: number | null;
  spentUndated: boolean;
}

export interface UnitSums {
  key: string;
  projects: number;
  progressSum: number;
  byStatus: Record<string, number>;
  notReported: number;
  distribution: number[];
  allocated: number | null;
  spent: number | null;
  spentUndated: number;
}

type Loaded = Awaited<ReturnType<typeof loadProjects>>;

export async function loadProjects(prisma: PrismaClient) {
  return prisma.project.findMany({
    where: { deletedAt: null },
    include: { steps: true, reports: { where: { deletedAt: null } }, spending: true },
  });
}

export function figureOf(project: Loaded[number], asOf: IsoDate): ProjectFigure {
  const steps = project.steps.map((s) => ({
    weight: Number(s.weight),
    plannedStart: fromDbDateOrNull(s.plannedStart),
    plannedEnd: fromDbDateOrNull(s.plannedEnd),
  }));
  const reports = project.reports
    .map((r) => ({ id: r.id, reportDate: fromDbDate(r.reportDate), percent: Number(r.percent) }))
    .filter((r) => r.reportDate <= asOf);
  const latest = latestReport(reports);
  const deadline = projectDeadline(project.fiscalYear, fromDbDateOrNull(project.plannedFinish));
  const spending = project.spending.map((s) => ({ spentAsOf: fromDbDate(s.spentAsOf), amount: Number(s.amount) }));
  const spent = budgetSpentAsOf(spending, project.budgetSpent === null ? null : Number(project.budgetSpent), asOf);
  return {
    projectId: project.id,
    unitId: project.unitId,
    fiscalYear: project.fiscalYear,
    progress: latest?.percent ?? null,
    lastReportDate: latest?.reportDate ?? null,
    planned: plannedCompletion(steps, asOf),
    scheduleStatus: scheduleStatus(latest?.percent ?? null, steps, asOf, deadline),
    reportedThisMonth: reportedThisMonth(reports, latest?.percent ?? null, asOf),
    spent: spent.amount,
    spentUndated: spent.undated,
  };
}

export function sumsOf(projects: Loaded, asOf: IsoDate): Map<string, UnitSums> {
  const sums = new Map<string, UnitSums>();
  for (const project of projects) {
    const f = figureOf(project, asOf);
    const key = `${f.unitId}/${f.fiscalYear}`;
    const s = sums.get(key) ?? {
      key,
      projects: 0,
      progressSum: 0,
      byStatus: { done: 0, no_schedule: 0, not_started: 0, behind: 0, on_track: 0, late: 0 },
      notReported: 0,
      distribution: [0, 0, 0, 0, 0],
      allocated: null,
      spent: null,
      spentUndated: 0,
    };
    const progress = f.progress ?? 0;
    s.projects++;
    s.progressSum = round2(s.progressSum + progress);
    s.byStatus[f.scheduleStatus] = (s.byStatus[f.scheduleStatus] ?? 0) + 1;
    if (!f.reportedThisMonth) s.notReported++;
    const bucket = progress >= 100 ? 4 : progress >= 75 ? 3 : progress >= 50 ? 2 : progress >= 25 ? 1 : 0;
    s.distribution[bucket] = (s.distribution[bucket] ?? 0) + 1;
    if (project.budgetAllocated !== null) s.allocated = round2((s.allocated ?? 0) + Number(project.budgetAllocated));
    if (f.spent !== null) s.spent = round2((s.spent ?? 0) + f.spent);
    if (f.spentUndated) s.spentUndated++;
    sums.set(key, s);
  }
  return sums;
}

const SUM_COLUMNS = `projects, progress_sum, done, no_schedule, not_started, behind, on_track, late, not_reported,
  under_25, under_50, under_75, under_100, complete, allocated, spent, spent_undated`;

interface SumRow {
  unit_id: number;
  fiscal_year: number;
  projects: number;
  progress_sum: unknown;
  done: number;
  no_schedule: number;
  not_started: number;
  behind: number;
  on_track: number;
  late: number;
  not_reported: number;
  under_25: number;
  under_50: number;
  under_75: number;
  under_100: number;
  complete: number;
  allocated: unknown;
  spent: unknown;
  spent_undated: number;
}

function fromRow(row: SumRow): UnitSums {
  const n = (v: unknown) => (v === null ? null : Number(v));
  return {
    key: `${row.unit_id}/${row.fiscal_year}`,
    projects: row.projects,
    progressSum: Number(row.progress_sum),
    byStatus: {
      done: row.done,
      no_schedule: row.no_schedule,
      not_started: row.not_started,
      behind: row.behind,
      on_track: row.on_track,
      late: row.late,
    },
    notReported: row.not_reported,
    distribution: [row.under_25, row.under_50, row.under_75, row.under_100, row.complete],
    allocated: n(row.allocated),
    spent: n(row.spent),
    spentUndated: row.spent_undated,
  };
}

const byKey = (rows: UnitSums[]) => new Map(rows.map((r) => [r.key, r]));

/** Everything kept, read back: project rows, today's unit sums, and each frozen month end's. */
export async function readKept(prisma: PrismaClient) {
  const projects = await prisma.projectFigures.findMany();
  const current = await prisma.$queryRawUnsafe<SumRow[]>(
    `SELECT unit_id, fiscal_year, ${SUM_COLUMNS} FROM unit_figures`,
  );
  const months = await prisma.$queryRawUnsafe<(SumRow & { month_end: Date })[]>(
    `SELECT month_end, unit_id, fiscal_year, ${SUM_COLUMNS} FROM unit_month_figures`,
  );
  const frozen = (await prisma.frozenMonth.findMany()).map((m) => fromDbDate(m.monthEnd));
  const calendar = await prisma.figuresCalendar.findUnique({ where: { id: 1 } });
  return {
    asOf: calendar ? fromDbDate(calendar.asOf) : null,
    projects: new Map(
      projects.map((p) => [
        p.projectId,
        {
          projectId: p.projectId,
          unitId: p.unitId,
          fiscalYear: p.fiscalYear,
          progress: p.progress === null ? null : Number(p.progress),
          lastReportDate: fromDbDateOrNull(p.lastReportDate),
          planned: Number(p.planned),
          scheduleStatus: p.scheduleStatus,
          reportedThisMonth: p.reportedThisMonth,
          spent: p.spent === null ? null : Number(p.spent),
          spentUndated: p.spentUndated,
        } satisfies ProjectFigure,
      ]),
    ),
    current: byKey(current.map(fromRow)),
    months: new Map(
      frozen.map((end) => [end, byKey(months.filter((m) => fromDbDate(m.month_end) === end).map(fromRow))]),
    ),
  };
}

/** What the kept rows must be as of `today`, by the shared rules over the data as it is now. */
export async function expectedKept(prisma: PrismaClient, today: IsoDate) {
  const projects = await loadProjects(prisma);
  const years = [...new Set(projects.map((p) => p.fiscalYear))];
  const months = new Map<IsoDate, Map<string, UnitSums>>();
  for (const year of years) {
    for (const end of closedMonthEnds(year, today)) {
      const ofYear = projects.filter((p) => p.fiscalYear === year);
      months.set(end, sumsOf(ofYear, end));
    }
  }
  return {
    asOf: today,
    projects: new Map(projects.map((p) => [p.id, figureOf(p, today)])),
    current: sumsOf(projects, today),
    months,
  };
}
