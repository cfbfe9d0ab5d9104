/**
 * Writes a parsed legacy page into the database, one transaction per page: the project (created,
 * or brought up to the page), its units (created from the page when unknown), plan, reports,
 * evaluation and KPIs, the page's flags, the kept figures and an audit row. Idempotent: the same
 * page again changes nothing and says "unchanged"; a newer capture adds what is new, and what the
 * page does not carry (budget, policies, dates, reports it does not list, texts it leaves out) stays
 * as it was edited here. A dry run does the same work and rolls it back.
 */
import type { LegacyPage, LegacyPageResult, LocalizedMessage } from "@cpm/schema";
import { closedMonthEnds, type IsoDate, type LegacyFlag, legacyPageFlags, normalizeThai } from "@cpm/schema/rules";
import { judgeIndicators, keepFiguresAfterWrite, keepIndicatorFiguresAfterWrite, keptAsOf } from "../figures";
import { frozenMonthEnds } from "../figures/calendar";
import { freezeUnitMonths } from "../figures/unit-figures";
import type { Prisma, PrismaClient, UnitKind } from "../generated/prisma/client";
import { fromDbDateOrNull, toDbDate, toDbDateOrNull } from "../lib/dates";
import { officerColumns } from "../lib/privacy";
import { DomainError } from "../lib/problems";
import { nameColumns } from "../lib/text-columns";
import { type ChangeContext, recordAudit } from "../repositories/audit";
import { ensureFiscalYear } from "../repositories/lookups";

type Tx = Prisma.TransactionClient;

export interface LegacyWriteOptions {
  /** the file name or `pages[i]`, kept with the flags */
  source: string;
  dryRun: boolean;
  today: IsoDate;
  change: ChangeContext;
}

/** Raised inside a page's transaction to end it: a refusal, or a dry run's rollback. */
class PageOutcome extends Error {
  constructor(readonly result: LegacyPageResult) {
    super(result.outcome);
  }
}

const sameFlag = (a: { code: string; path: string; th: string; en: string }, b: typeof a) =>
  a.code === b.code && a.path === b.path && a.th === b.th && a.en === b.en;

/** A unit of the page's code: the known one, or a new one under the city named as on the page. */
async function ensureUnit(
  tx: Tx,
  code: string,
  name: string | null,
  parent: { id: number } | "city",
  kind: UnitKind | null,
  changes: string[],
  flags: LegacyFlag[],
): Promise<number> {
  const unit = await tx.orgUnit.findUnique({ where: { code }, select: { id: true, name: true } });
  if (unit) {
    // the legacy site spells สำนัก with ำ on some pages and ํ + า on others: the same unit
    if (name && normalizeThai(name) !== normalizeThai(unit.name)) {
      flags.push({
        code: "unitNameDiffers",
        path: "unitName",
        message: {
          th: `ชื่อหน่วยงาน ${code} บนหน้านี้ (${name}) ต่างจากที่บันทึกไว้ (${unit.name})`,
          en: `The page names unit ${code} "${name}", recorded as "${unit.name}"`,
        },
      });
    }
    return unit.id;
  }
  const parentId =
    parent === "city"
      ? ((await tx.orgUnit.findFirst({ where: { kind: "city" }, select: { id: true } }))?.id ?? null)
      : parent.id;
  const unitName = name ?? `หน่วยงาน ${code}`;
  const created = await tx.orgUnit.create({
    data: {
      code,
      name: unitName,
      ...nameColumns(unitName),
      kind: kind ?? (unitName.startsWith("สำนักงานเขต") ? "district" : "department"),
      parentId,
    },
  });
  changes.push(`unit ${code} created`);
  return created.id;
}

/** A division named on the page by code only (the sub-unit codes line), under the project's unit. */
async function ensureSubUnit(tx: Tx, code: string | null, unitId: number, changes: string[], flags: LegacyFlag[]) {
  if (!code) return null;
  return ensureUnit(tx, code, null, { id: unitId }, "division", changes, flags).then((id) => id);
}

async function strategyNodeId(tx: Tx, page: LegacyPage, flags: LegacyFlag[]): Promise<number | null | undefined> {
  if (page.routineMission) return null;
  if (page.strategyPath.length === 0) return undefined; // not on the page: kept
  const nodes = await tx.strategyNode.findMany({ select: { id: true, name: true, code: true } });
  const wanted = page.strategyPath.map((line) => normalizeThai(line.replace(/\*+|%/g, "").trim()));
  // the innermost line that names a node of the plan
  for (const line of [...wanted].reverse()) {
    const node = nodes.find((n) => normalizeThai(n.name) === line || n.code === line);
    if (node) return node.id;
  }
  flags.push({
    code: "unknownStrategy",
    path: "strategyPath",
    message: {
      th: `ไม่พบยุทธศาสตร์ที่หน้านี้อ้างถึง (${page.strategyPath.join(" › ")})`,
      en: `The page's strategy is not in the plan (${page.strategyPath.join(" › ")})`,
    },
  });
  return undefined;
}

/** The serial of a new project: its code's number, unless a project moved here holds it. */
async function serialFor(tx: Tx, code: string, unitId: number): Promise<number> {
  const wanted = Number(code.split("-")[1]);
  const taken = await tx.project.findUnique({ where: { unitId_serial: { unitId, serial: wanted } } });
  if (!taken) return wanted;
  await tx.$queryRaw`SELECT id FROM org_unit WHERE id = ${unitId} FOR UPDATE`;
  const max = await tx.project.aggregate({ where: { unitId }, _max: { serial: true } });
  return (max._max.serial ?? 0) + 1;
}

/** The page's steps; a step the page carries keeps what was entered here for it (completion, actual dates). */
function stepRows(page: LegacyPage, existing: Prisma.PlanStepGetPayload<object>[], projectDone: boolean) {
  return page.steps.map((step, index) => {
    const same = existing.find((e) => e.order === index + 1 && e.name === step.name);
    return {
      order: index + 1,
      name: step.name,
      weight: step.weight,
      plannedStart: toDbDateOrNull(step.plannedStart),
      plannedEnd: toDbDateOrNull(step.plannedEnd),
      actualStart: same?.actualStart ?? null,
      actualEnd: same?.actualEnd ?? null,
      // the page does not show a step's own completion: a project reported at 100 has done every step
      completion: same ? Number(same.completion) : projectDone ? 100 : 0,
    };
  });
}

const stepKey = (s: {
  order: number;
  name: string;
  weight: unknown;
  plannedStart: Date | null;
  plannedEnd: Date | null;
}) =>
  JSON.stringify([s.order, s.name, Number(s.weight), fromDbDateOrNull(s.plannedStart), fromDbDateOrNull(s.plannedEnd)]);

async function writePage(
  tx: Tx,
  page: LegacyPage,
  parserFlags: LegacyFlag[],
  options: LegacyWriteOptions,
): Promise<LegacyPageResult> {
  const changes: string[] = [];
  // what the project's data looks like is stored with it; how the capture was read (parserFlags) only told
  const flags: LegacyFlag[] = [];
  const refuse = (reason: LocalizedMessage) => {
    throw new PageOutcome({
      source: options.source,
      code: page.code,
      outcome: "failed",
      changes: [],
      flags: parserFlags,
      reason,
    });
  };
  const rows = await tx.$queryRaw<{ id: number; deleted_at: Date | null }[]>`
    SELECT id, deleted_at FROM project WHERE code = ${page.code} FOR UPDATE`;
  const existing = rows[0]
    ? await tx.project.findUniqueOrThrow({
        where: { id: rows[0].id },
        include: {
          steps: { orderBy: { order: "asc" } },
          reports: { where: { deletedAt: null } },
          evaluations: true,
          importFlags: true,
        },
      })
    : null;
  if (existing?.deletedAt) {
    refuse({
      th: `โครงการ ${page.code} ถูกลบแล้ว: กู้คืนก่อนนำเข้า`,
      en: `Project ${page.code} is deleted: restore it before importing`,
    });
  }
  if (!existing && (page.name === null || page.fiscalYear === null)) {
    refuse({
      th: `หน้านี้ไม่มีชื่อโครงการและปีงบประมาณ และยังไม่มีโครงการ ${page.code} ในระบบ`,
      en: `The page has no project name or fiscal year, and project ${page.code} is not in the system yet`,
    });
  }
  if (existing && page.fiscalYear !== null && page.fiscalYear !== existing.fiscalYear) {
    refuse({
      th: `โครงการ ${page.code} อยู่ในปีงบประมาณ ${existing.fiscalYear} แต่หน้านี้ระบุ ${page.fiscalYear}`,
      en: `Project ${page.code} is in fiscal year ${existing.fiscalYear}; the page says ${page.fiscalYear}`,
    });
  }
  const fiscalYear = existing?.fiscalYear ?? (page.fiscalYear as number);

  const unitId = existing?.unitId ?? (await ensureUnit(tx, page.unitCode, page.unitName, "city", null, changes, flags));
  if (existing && page.unitName) {
    // a known project: its unit may have been renamed or the project moved here; only say when the page differs
    await ensureUnit(tx, page.unitCode, page.unitName, "city", null, changes, flags);
  }
  const responsibleUnitId = await ensureSubUnit(tx, page.responsibleUnitCode, unitId, changes, flags);
  const budgetUnitId = await ensureSubUnit(tx, page.budgetUnitCode, unitId, changes, flags);
  const strategyId = await strategyNodeId(tx, page, flags);
  await ensureFiscalYear(tx, fiscalYear);

  // the project's own fields: what the page carries (texts it leaves empty are not carried)
  const carried = {
    ...(page.name !== null ? { name: page.name, ...nameColumns(page.name) } : {}),
    ...(page.officer ? officerColumns(page.officer) : {}),
    ...(responsibleUnitId !== null ? { responsibleUnitId } : {}),
    ...(budgetUnitId !== null ? { budgetUnitId } : {}),
    ...(page.rationale ? { rationale: page.rationale } : {}),
    ...(page.objectives ? { objectives: page.objectives } : {}),
    ...(page.targets ? { targets: page.targets } : {}),
    ...(strategyId !== undefined ? { strategyNodeId: strategyId } : {}),
  };
  let projectId: number;
  if (existing) {
    projectId = existing.id;
    const differing = Object.entries(carried).filter(
      ([key, value]) =>
        !key.endsWith("Search") && !key.endsWith("SortKey") && existing[key as keyof typeof existing] !== value,
    );
    if (differing.length) {
      await tx.project.update({ where: { id: projectId }, data: carried });
      changes.push(...differing.map(([key]) => `project.${key} updated`));
    }
  } else {
    const created = await tx.project.create({
      data: {
        code: page.code,
        serial: await serialFor(tx, page.code, unitId),
        unitId,
        fiscalYear,
        name: page.name as string,
        ...nameColumns(page.name as string),
        ...officerColumns(page.officer ?? ""),
        responsibleUnitId,
        budgetUnitId,
        rationale: page.rationale,
        objectives: page.objectives,
        targets: page.targets,
        strategyNodeId: strategyId ?? null,
      },
    });
    projectId = created.id;
    changes.push(`project ${page.code} created`);
  }

  // reports, matched by date: a new date is added, a changed one updated, one the page does not list kept
  const liveReports = existing?.reports ?? [];
  let reportsFrom: IsoDate | undefined;
  const touchedFrom = (date: IsoDate) => {
    if (reportsFrom === undefined || date < reportsFrom) reportsFrom = date;
  };
  const newReports: Prisma.ProgressReportCreateManyInput[] = [];
  for (const report of [...page.reports].sort((a, b) => (a.reportDate < b.reportDate ? -1 : 1))) {
    const same = liveReports.find((r) => fromDbDateOrNull(r.reportDate) === report.reportDate);
    const fields = {
      percent: report.percent,
      narrative: report.narrative,
      problems: report.problems,
      obstacles: report.obstacles,
    };
    if (!same) {
      newReports.push({ projectId, reportDate: toDbDate(report.reportDate), ...fields });
      changes.push(`report ${report.reportDate} added`);
      touchedFrom(report.reportDate);
    } else if (
      Number(same.percent) !== report.percent ||
      same.narrative !== report.narrative ||
      same.problems !== report.problems ||
      same.obstacles !== report.obstacles
    ) {
      await tx.progressReport.update({ where: { id: same.id }, data: fields });
      changes.push(`report ${report.reportDate} updated`);
      touchedFrom(report.reportDate);
    }
  }
  // oldest first, so that ids follow the order the reports were entered
  if (newReports.length) await tx.progressReport.createMany({ data: newReports });

  // the plan: replaced when the page's steps differ (a page without a plan keeps the one here)
  let planChanged = false;
  if (page.steps.length) {
    const latest = [...page.reports].sort((a, b) => (a.reportDate < b.reportDate ? 1 : -1))[0];
    const done = (latest?.percent ?? page.progress ?? 0) === 100;
    const wanted = stepRows(page, existing?.steps ?? [], done);
    const before = existing?.steps ?? [];
    if (before.length !== wanted.length || wanted.some((step, i) => stepKey(step) !== stepKey(before[i] as never))) {
      await tx.planStep.deleteMany({ where: { projectId } });
      await tx.planStep.createMany({ data: wanted.map((step) => ({ projectId, ...step })) });
      changes.push(existing?.steps.length ? "plan replaced" : `plan of ${wanted.length} steps added`);
      planChanged = true;
    }
  }

  // the quarter's evaluation, when the page shows a score
  if (page.evaluation?.score != null) {
    const { quarter, score } = page.evaluation;
    const current = existing?.evaluations.find((e) => e.quarter === quarter);
    if (!current || Number(current.score) !== score) {
      await tx.quarterEvaluation.upsert({
        where: { projectId_quarter: { projectId, quarter } },
        create: { projectId, quarter, score },
        update: { score },
      });
      changes.push(`evaluation Q${quarter} ${current ? "updated" : "added"}`);
    }
  }

  // KPIs by code, linked to the project; their quarter rows upserted
  const indicatorUnitYears: { unitId: number; fiscalYear: number }[] = [];
  const indicatorIds: number[] = [];
  for (const kpi of page.indicators) {
    const { quarters, ...fields } = kpi;
    const found = await tx.indicator.findUnique({
      where: { code: kpi.code },
      include: { quarters: true, projects: { where: { projectId } } },
    });
    let indicatorId: number;
    let touched = false;
    if (!found) {
      indicatorId = (await tx.indicator.create({ data: { ...fields, unitId, fiscalYear } })).id;
      changes.push(`KPI ${kpi.code} created`);
      touched = true;
    } else {
      indicatorId = found.id;
      const differs =
        found.name !== kpi.name ||
        found.measureUnit !== kpi.measureUnit ||
        found.measureType !== kpi.measureType ||
        Number(found.target) !== kpi.target ||
        (found.achieved === null ? null : Number(found.achieved)) !== kpi.achieved ||
        found.type !== kpi.type ||
        found.resultLevel !== kpi.resultLevel;
      if (differs) {
        await tx.indicator.update({ where: { id: indicatorId }, data: { ...fields, version: { increment: 1 } } });
        changes.push(`KPI ${kpi.code} updated`);
        touched = true;
      }
    }
    for (const q of quarters) {
      const row = found?.quarters.find((r) => r.quarter === q.quarter);
      const same =
        row &&
        Number(row.value) === q.value &&
        (row.score21 === null ? null : Number(row.score21)) === q.score21 &&
        (row.score22 === null ? null : Number(row.score22)) === q.score22;
      if (!same) {
        await tx.indicatorQuarterResult.upsert({
          where: { indicatorId_quarter: { indicatorId, quarter: q.quarter } },
          create: { indicatorId, ...q },
          update: q,
        });
        if (found) changes.push(`KPI ${kpi.code} Q${q.quarter} ${row ? "updated" : "added"}`);
        touched = true;
      }
    }
    if (!found?.projects.length) {
      await tx.projectIndicator.create({ data: { projectId, indicatorId } });
      if (found) changes.push(`KPI ${kpi.code} linked`);
      touched = true;
    }
    if (touched) {
      indicatorIds.push(indicatorId);
      indicatorUnitYears.push({ unitId: found?.unitId ?? unitId, fiscalYear: found?.fiscalYear ?? fiscalYear });
    }
  }

  // the flags of what the page holds, replacing the project's earlier ones when they differ
  flags.push(...legacyPageFlags(page, fiscalYear));
  const flagRows = flags.map((f) => ({ code: f.code, path: f.path, th: f.message.th, en: f.message.en }));
  const earlier = (existing?.importFlags ?? []).map((f) => ({
    code: f.code,
    path: f.path,
    th: f.messageTh,
    en: f.messageEn,
  }));
  const flagsChanged = flagRows.length !== earlier.length || flagRows.some((f) => !earlier.some((e) => sameFlag(e, f)));
  if (flagsChanged) {
    await tx.importFlag.deleteMany({ where: { projectId } });
    await tx.importFlag.createMany({
      data: flagRows.map((f) => ({
        projectId,
        code: f.code,
        path: f.path,
        messageTh: f.th,
        messageEn: f.en,
        source: options.source,
      })),
    });
    if (existing) changes.push("flags updated");
  }

  const outcome = !existing ? "created" : changes.length ? "updated" : "unchanged";
  if (outcome !== "unchanged") {
    if (existing) {
      await tx.$executeRaw`UPDATE project SET version = version + 1, updated_at = now() WHERE id = ${projectId}`;
    }
    const planOrProject = !existing || planChanged || changes.some((c) => c.startsWith("project."));
    await keepFiguresAfterWrite(
      tx,
      { projectIds: [projectId], ...(planOrProject ? {} : reportsFrom ? { from: reportsFrom } : {}) },
      options.today,
    );
    if (!existing) await freezeYearOnce(tx, fiscalYear, options.today);
    if (indicatorIds.length) {
      // judged by the shared rule as of the kept figures' day, as every KPI write is
      const asOf = await keptAsOf(tx);
      if (asOf !== null) await judgeIndicators(tx, { ids: indicatorIds }, asOf);
      await keepIndicatorFiguresAfterWrite(tx, indicatorUnitYears);
    }
    await recordAudit(tx, options.change, {
      action: "project.import",
      entityType: "project",
      entityKey: page.code,
      projectId,
      after: { source: options.source, changes, flags: flags.map((f) => f.code) },
    });
  }
  return { source: options.source, code: page.code, outcome, changes, flags: [...parserFlags, ...flags], reason: null };
}

/**
 * A page may bring the first project of a past fiscal year, whose closed months the calendar never
 * froze (it freezes the years that have projects): freeze them now, as the calendar would have.
 */
async function freezeYearOnce(tx: Tx, fiscalYear: number, today: IsoDate) {
  const frozen = await frozenMonthEnds(tx);
  const missing = closedMonthEnds(fiscalYear, today).filter((end) => !frozen.has(end));
  if (missing.length === 0) return;
  await freezeUnitMonths(tx, missing, fiscalYear, "all");
  await tx.$executeRaw`
    INSERT INTO frozen_month (month_end) SELECT unnest(${missing}::date[]) ON CONFLICT (month_end) DO NOTHING`;
}

/** Import one parsed page in its own transaction; a failure changes nothing and says why. */
export async function importLegacyPage(
  prisma: PrismaClient,
  page: LegacyPage,
  parserFlags: LegacyFlag[],
  options: LegacyWriteOptions,
): Promise<LegacyPageResult> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const result = await writePage(tx, page, parserFlags, options);
        if (options.dryRun) throw new PageOutcome(result);
        return result;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof PageOutcome) return error.result;
    const reason: LocalizedMessage =
      error instanceof DomainError
        ? error.localized
        : { th: `นำเข้าไม่สำเร็จ: ${(error as Error).message}`, en: `Import failed: ${(error as Error).message}` };
    return { source: options.source, code: page.code, outcome: "failed", changes: [], flags: [], reason };
  }
}
