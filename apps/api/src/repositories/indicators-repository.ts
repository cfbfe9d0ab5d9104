import type { IndicatorDetail, IndicatorInput, IndicatorPatch, IndicatorQuarterInput } from "@cpm/schema";
import { reasonMessage } from "@cpm/schema";
import { kpiDefinitionProblems, type Quarter } from "@cpm/schema/rules";
import { changedLinks } from "../auth/project-links";
import { judgeIndicators, keepIndicatorFiguresAfterWrite, keptAsOf } from "../figures";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { isNoOpPatch } from "../lib/no-op-patch";
import { conflict, invalid, notFound, preconditionFailed } from "../lib/problems";
import type { UnitYear } from "../sql/project-metrics";
import { type ChangeContext, changedFields, recordAudit } from "./audit";
import { ensureFiscalYear, unitIdOf } from "./lookups";
import { indicatorInclude, toIndicatorSummary } from "./project-mappers";

async function lockIndicator(tx: Tx, code: string, expectedVersion: number | undefined) {
  const rows = await tx.$queryRaw<{ id: number; version: number; unitId: number; fiscalYear: number }[]>`
    SELECT id, version, unit_id AS "unitId", fiscal_year AS "fiscalYear" FROM indicator WHERE code = ${code} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound("indicator", code, "ตัวชี้วัด");
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw preconditionFailed(row.version);
  await tx.indicator.update({ where: { id: row.id }, data: { version: { increment: 1 } } });
  return row;
}

const auditedIndicator = ({ projects, unitName: _u, version: _v, ...rest }: IndicatorDetail) => ({
  ...rest,
  projectCodes: projects.map((p) => p.code),
});

const detailInclude = {
  ...indicatorInclude,
  projects: { include: { project: { select: { code: true, name: true, deletedAt: true } } } },
} as const satisfies Prisma.IndicatorInclude;

type Tx = Prisma.TransactionClient;

/**
 * Judge the KPI by the shared rule as of the kept figures' day (before the first calendar turn it
 * waits for that turn), then keep its units' KPI counts.
 */
async function judgeAndKeep(tx: Tx, indicatorId: number, unitYears: UnitYear[]): Promise<void> {
  const today = await keptAsOf(tx);
  if (today !== null) await judgeIndicators(tx, { ids: [indicatorId] }, today);
  await keepIndicatorFiguresAfterWrite(tx, unitYears);
}

/** A KPI's definition after a change, refused as the input schema refuses a new one. */
function assertDefinition(definition: Parameters<typeof kpiDefinitionProblems>[0]): void {
  const [problem] = kpiDefinitionProblems(definition);
  if (problem) throw invalid(problem.path, problem.reason, reasonMessage(problem.reason));
}

/** Quarter targets and level texts are lists in order (isNoOpPatch compares lists as sets). */
const sameOrderedLists = (current: IndicatorDetail, patch: IndicatorPatch) =>
  (patch.quarterTargets === undefined ||
    JSON.stringify(patch.quarterTargets) === JSON.stringify(current.quarterTargets)) &&
  (patch.levelRubric === undefined || JSON.stringify(patch.levelRubric) === JSON.stringify(current.levelRubric));

const quarterTargetColumns = (targets: readonly (number | null)[] | undefined) =>
  targets === undefined
    ? {}
    : { targetQ1: targets[0], targetQ2: targets[1], targetQ3: targets[2], targetQ4: targets[3] };

async function projectIds(tx: Tx, codes: string[]): Promise<number[]> {
  const found = await tx.project.findMany({
    where: { code: { in: codes }, deletedAt: null },
    select: { id: true, code: true },
  });
  const missing = codes.filter((code) => !found.some((p) => p.code === code));
  if (missing.length) {
    throw invalid("projectCodes", "unknownProject", {
      th: `ไม่พบโครงการ ${missing.join(", ")}`,
      en: `No project ${missing.join(", ")}`,
    });
  }
  return found.map((p) => p.id);
}

/**
 * A KPI linked to or unlinked from projects is recorded in each project's history too. The
 * project's version is not bumped: it counts writes to the project itself (If-Match), while the
 * detail's ETag names the versions of the KPIs it lists, so a link changes the ETag all the same.
 */
async function recordLinks(
  tx: Tx,
  change: ChangeContext,
  indicator: { code: string; name: string },
  links: { added: string[]; removed: string[] },
) {
  const codes = [...links.added, ...links.removed];
  if (!codes.length) return;
  const projects = await tx.project.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  for (const project of projects) {
    const linked = links.added.includes(project.code);
    await recordAudit(tx, change, {
      action: linked ? "indicator.link" : "indicator.unlink",
      entityType: "indicator",
      entityKey: indicator.code,
      projectId: project.id,
      before: linked ? undefined : { indicatorCode: indicator.code, name: indicator.name },
      after: linked ? { indicatorCode: indicator.code, name: indicator.name } : undefined,
    });
  }
}

/** ตัวชี้วัด: a unit's KPIs for a fiscal year, their quarter results, and the projects that support them. */
export function indicatorsRepository(prisma: PrismaClient) {
  async function get(code: string, client: Tx | PrismaClient = prisma): Promise<IndicatorDetail> {
    const row = await client.indicator.findUnique({ where: { code }, include: detailInclude });
    if (!row) throw notFound("indicator", code, "ตัวชี้วัด");
    return {
      ...toIndicatorSummary(row),
      unitName: row.unit.name,
      projects: row.projects
        .filter((l) => l.project.deletedAt === null)
        .map((l) => ({ code: l.project.code, name: l.project.name })),
    };
  }

  return {
    get,

    async list(filter: { fiscalYear?: number; unit?: string; page: number; pageSize: number }) {
      const where: Prisma.IndicatorWhereInput = {
        fiscalYear: filter.fiscalYear,
        ...(filter.unit ? { OR: [{ unit: { code: filter.unit } }, { unit: { parent: { code: filter.unit } } }] } : {}),
      };
      const [rows, total] = await Promise.all([
        prisma.indicator.findMany({
          where,
          include: indicatorInclude,
          orderBy: [{ fiscalYear: "desc" }, { code: "asc" }],
          skip: (filter.page - 1) * filter.pageSize,
          take: filter.pageSize,
        }),
        prisma.indicator.count({ where }),
      ]);
      return { items: rows.map(toIndicatorSummary), total, page: filter.page, pageSize: filter.pageSize };
    },

    async create(input: IndicatorInput, change: ChangeContext): Promise<IndicatorDetail> {
      return prisma.$transaction(async (tx) => {
        if (await tx.indicator.findUnique({ where: { code: input.code }, select: { id: true } })) {
          throw conflict("code", `Indicator code ${input.code} is already taken`, `รหัสตัวชี้วัด ${input.code} ถูกใช้แล้ว`);
        }
        const unit = { id: await unitIdOf(tx, "unitCode", input.unitCode) };
        await ensureFiscalYear(tx, input.fiscalYear);
        const ids = await projectIds(tx, input.projectCodes);
        const { projectCodes: _codes, unitCode: _unit, quarterTargets, ...fields } = input;
        const row = await tx.indicator.create({
          data: {
            ...fields,
            ...quarterTargetColumns(quarterTargets),
            unitId: unit.id,
            projects: { create: ids.map((projectId) => ({ projectId })) },
          },
          select: { id: true },
        });
        await judgeAndKeep(tx, row.id, [{ unitId: unit.id, fiscalYear: input.fiscalYear }]);
        const created = await get(input.code, tx);
        await recordAudit(tx, change, {
          action: "indicator.create",
          entityType: "indicator",
          entityKey: input.code,
          after: auditedIndicator(created),
        });
        await recordLinks(tx, change, created, changedLinks([], input.projectCodes));
        return created;
      });
    },

    async update(code: string, patch: IndicatorPatch, expectedVersion: number | undefined, change: ChangeContext) {
      return prisma.$transaction(async (tx) => {
        const read = await get(code, tx);
        const before = auditedIndicator(read);
        // a patch that changes nothing is no write: no version bump, no history event
        if (isNoOpPatch(before, patch) && sameOrderedLists(read, patch)) {
          if (expectedVersion !== undefined && expectedVersion !== read.version) throw preconditionFailed(read.version);
          return read;
        }
        const existing = await lockIndicator(tx, code, expectedVersion);
        const { projectCodes, quarterTargets, ...fields } = patch;
        assertDefinition({
          measureType: patch.measureType ?? read.measureType,
          baseline: patch.baseline === undefined ? read.baseline : patch.baseline,
          target: patch.target ?? read.target,
          quarterTargets: quarterTargets ?? read.quarterTargets,
          levelRubric: patch.levelRubric ?? read.levelRubric,
        });
        const ids = projectCodes ? await projectIds(tx, projectCodes) : undefined;
        await tx.indicator.update({
          where: { id: existing.id },
          data: {
            ...fields,
            ...quarterTargetColumns(quarterTargets),
            projects: ids ? { deleteMany: {}, create: ids.map((projectId) => ({ projectId })) } : undefined,
          },
        });
        await judgeAndKeep(tx, existing.id, [existing]);
        const updated = await get(code, tx);
        await recordAudit(tx, change, {
          action: "indicator.update",
          entityType: "indicator",
          entityKey: code,
          ...changedFields(before, auditedIndicator(updated)),
        });
        if (projectCodes) await recordLinks(tx, change, updated, changedLinks(before.projectCodes, projectCodes));
        return updated;
      });
    },

    async putQuarter(
      code: string,
      quarter: Quarter,
      input: IndicatorQuarterInput,
      expectedVersion: number | undefined,
      change: ChangeContext,
    ): Promise<IndicatorDetail> {
      return prisma.$transaction(async (tx) => {
        const before = (await get(code, tx)).quarters.find((q) => q.quarter === quarter);
        const existing = await lockIndicator(tx, code, expectedVersion);
        await tx.indicatorQuarterResult.upsert({
          where: { indicatorId_quarter: { indicatorId: existing.id, quarter } },
          create: { indicatorId: existing.id, quarter, ...input },
          update: input,
        });
        await judgeAndKeep(tx, existing.id, [existing]);
        await recordAudit(tx, change, {
          action: "indicator.quarter",
          entityType: "indicator",
          entityKey: `${code}/Q${quarter}`,
          before,
          after: { quarter, ...input },
        });
        return get(code, tx);
      });
    },
  };
}

export type IndicatorsRepository = ReturnType<typeof indicatorsRepository>;
