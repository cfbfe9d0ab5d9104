import type { ProjectCreate, ProjectDetail, ProjectListQuery, ProjectPatch, ProjectSummary } from "@cpm/schema";
import { type IsoDate, searchText } from "@cpm/schema/rules";
import { keepFiguresAfterWrite, keptSourceFor } from "../figures";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { answerCache } from "../lib/answer-cache";
import { fromDbDateOrNull, toDbDateOrNull } from "../lib/dates";
import { isNoOpPatch } from "../lib/no-op-patch";
import { conflict, invalid, notFound, preconditionFailed } from "../lib/problems";
import { nameColumns } from "../lib/text-columns";
import { projectMetricsCte, unitSubtreeCte } from "../sql/project-metrics";
import { type ChangeContext, changedFields, recordAudit } from "./audit";
import { ensureFiscalYear, optionalUnitIdOf, unitIdOf } from "./lookups";
import { projectDetailInclude, toProjectDetail } from "./project-detail";
import { lockProjectForWrite } from "./project-lock";
import { detailValidator } from "./project-read-cache";
import { clearSpending, recordSpending } from "./spending-repository";

/** The stored fields of a project as the history shows them. */
const auditedFields = (p: ProjectDetail) => ({
  name: p.name,
  responsibleOfficer: p.responsibleOfficer,
  responsibleOfficerPhone: p.responsibleOfficerPhone,
  responsibleUnitCode: p.responsibleUnit?.code ?? null,
  budgetUnitCode: p.budgetUnit?.code ?? null,
  rationale: p.rationale,
  objectives: p.objectives,
  targets: p.targets,
  strategyCode: p.strategy?.code ?? null,
  budgetAllocated: p.budgetAllocated,
  budgetSpent: p.budgetSpent,
  plannedStart: p.plannedStart,
  plannedFinish: p.plannedFinish,
  policyCodes: p.policies.map((policy) => policy.code),
});

const SORT_SQL: Record<ProjectListQuery["sort"], string> = {
  code: "u.code %s, p.serial %s",
  name: "p.name_sort_key %s, p.code %s",
  progress: "COALESCE(m.progress, -1) %s, p.code %s",
  plannedProgress: "m.planned %s, p.code %s",
  lastReportDate: "m.last_report_date %s NULLS LAST, p.code %s",
  budgetAllocated: "p.budget_allocated %s NULLS LAST, p.code %s",
  updatedAt: "p.updated_at %s, p.code %s",
};

interface SummaryRow {
  code: string;
  name: string;
  unit_code: string;
  unit_name: string;
  fiscal_year: number;
  responsible_officer: string;
  budget_allocated: Prisma.Decimal | null;
  budget_spent: Prisma.Decimal | null;
  progress: Prisma.Decimal | null;
  last_report_date: Date | null;
  planned: Prisma.Decimal;
  schedule_status: ProjectSummary["scheduleStatus"];
  reported_this_month: boolean;
  version: number;
  updated_at: Date;
  total: bigint;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type Tx = Prisma.TransactionClient;

async function strategyIdOrNull(tx: Tx, code: string | null | undefined): Promise<number | null | undefined> {
  if (code === undefined || code === null) return code;
  const node = await tx.strategyNode.findUnique({ where: { code }, select: { id: true } });
  if (!node)
    throw invalid("strategyCode", "unknownStrategy", { th: `ไม่พบยุทธศาสตร์ ${code}`, en: `No strategy node ${code}` });
  return node.id;
}

async function checkPolicies(tx: Tx, codes: string[] | undefined) {
  if (!codes?.length) return;
  const found = await tx.policy.findMany({ where: { code: { in: codes } }, select: { code: true } });
  const missing = codes.filter((code) => !found.some((p) => p.code === code));
  if (missing.length) {
    throw invalid("policyCodes", "unknownPolicy", {
      th: `ไม่พบนโยบาย ${missing.join(", ")}`,
      en: `No policy ${missing.join(", ")}`,
    });
  }
}

function checkBudget(allocated: number | null | undefined, spent: number | null | undefined) {
  if (allocated != null && spent != null && spent > allocated) {
    throw invalid("budgetSpent", "spentOverAllocated", {
      th: "งบประมาณที่ใช้ไปต้องไม่เกินงบประมาณที่ได้รับ",
      en: "Budget spent must not exceed budget allocated",
    });
  }
}

/** A text search counts its matches up to this many; past it the list says "more than". */
export const COUNT_CAP = 10_000;

/** How many projects match a list's filters (no text search), from the units' kept sums: rows per unit, not per project. */
async function keptCount(prisma: PrismaClient, query: ProjectListQuery, unitIds: number[] | null): Promise<number> {
  const column = query.status
    ? Prisma.raw(query.status)
    : query.reportedThisMonth === undefined
      ? Prisma.raw("projects")
      : query.reportedThisMonth
        ? Prisma.raw("projects - not_reported")
        : Prisma.raw("not_reported");
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (query.fiscalYear) where.push(Prisma.sql`f.fiscal_year = ${query.fiscalYear}`);
  if (unitIds) where.push(Prisma.sql`f.unit_id = ANY(${unitIds}::int[])`);
  if (query.status && query.reportedThisMonth !== undefined) {
    // both filters at once are not summed per unit: count the kept project rows
    const rows = await prisma.$queryRaw<{ total: bigint }[]>`
      SELECT COUNT(*) AS total FROM project_figures f
      WHERE ${Prisma.join(where, " AND ")} AND f.schedule_status = ${query.status}
        AND f.reported_this_month = ${query.reportedThisMonth}`;
    return Number(rows[0]?.total ?? 0);
  }
  const rows = await prisma.$queryRaw<{ total: bigint | null }[]>`
    SELECT SUM(${column}) AS total FROM unit_figures f WHERE ${Prisma.join(where, " AND ")}`;
  return Number(rows[0]?.total ?? 0);
}

/** The ids of a unit and of every unit beneath it (none for an unknown code). */
async function subtreeIds(db: PrismaClient, unitCode: string): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`WITH RECURSIVE ${unitSubtreeCte(unitCode)} SELECT id FROM subtree`;
  return rows.map((row) => row.id);
}

/**
 * The next running number of a unit's projects. Locks the unit's row until the transaction ends,
 * so that two writes do not draw the same number.
 */
async function nextSerial(tx: Tx, unitId: number): Promise<number> {
  await tx.$queryRaw`SELECT id FROM org_unit WHERE id = ${unitId} FOR UPDATE`;
  const max = await tx.project.aggregate({ where: { unitId }, _max: { serial: true } });
  return (max._max.serial ?? 0) + 1;
}

export function projectsRepository(
  prisma: PrismaClient,
  laggingReads: () => PrismaClient = () => prisma,
  { countCap = COUNT_CAP }: { countCap?: number } = {},
) {
  async function get(code: string, asOf: IsoDate, client: Tx | PrismaClient = prisma): Promise<ProjectDetail> {
    const project = await client.project.findFirst({
      where: { code, deletedAt: null },
      include: projectDetailInclude,
      relationLoadStrategy: "join",
    });
    if (!project) throw notFound("project", code, "โครงการ");
    return toProjectDetail(project, asOf);
  }

  return {
    get,

    /** The detail's version and ETag for this day and reader, without reading the detail. */
    validator: (code: string, asOf: IsoDate, reader: "public" | "private") =>
      detailValidator(prisma, code, asOf, reader),

    /** Details already served, serialized, by code and ETag (see project-read-cache.ts). */
    cache: answerCache(),

    async list(query: ProjectListQuery, asOf: IsoDate, today: IsoDate) {
      // a list may lag a replica's second behind the primary
      const db = laggingReads();
      const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
      if (query.fiscalYear) where.push(Prisma.sql`p.fiscal_year = ${query.fiscalYear}`);
      // a unit's subtree, looked up once: its size is then known to the planner of every statement
      const unitIds = query.unit ? await subtreeIds(db, query.unit) : null;
      if (unitIds) where.push(Prisma.sql`p.unit_id = ANY(${unitIds}::int[])`);
      if (query.status) where.push(Prisma.sql`m.schedule_status = ${query.status}`);
      if (query.reportedThisMonth !== undefined)
        where.push(Prisma.sql`m.reported_this_month = ${query.reportedThisMonth}`);
      const q = query.q ? searchText(query.q) : "";
      if (q) where.push(Prisma.sql`(p.name_search LIKE ${likePattern(q)} OR p.code LIKE ${likePattern(q)})`);
      const direction = query.order === "desc" ? "DESC" : "ASC";
      const orderBy = Prisma.raw(SORT_SQL[query.sort].replaceAll("%s", direction));
      // today's figures are kept per project; another day's are computed for every project of the year
      const kept = (await keptSourceFor(db, asOf, today)) === "current";
      const metrics = kept ? Prisma.sql`project_figures` : Prisma.sql`metrics`;
      const withCtes = kept ? Prisma.empty : Prisma.sql`WITH RECURSIVE ${projectMetricsCte(asOf, query)}`;
      // the number of matches: summed from the units' kept rows when no text search narrows them
      const keptTotal = kept && !q;
      const offset = (query.page - 1) * query.pageSize;
      const columns = Prisma.sql`p.code, p.name, p.serial, p.fiscal_year, p.responsible_officer, p.budget_allocated,
        p.budget_spent, m.progress, m.last_report_date, m.planned, m.schedule_status, m.reported_this_month,
        p.version, p.updated_at`;
      const rows =
        query.sort === "code" && kept
          ? // in code order the page is taken unit by unit, each unit's projects by number (an index each):
            // page 1 reads its 20 rows, not the year's
            await db.$queryRaw<SummaryRow[]>`
              ${withCtes}
              SELECT x.*, u.code AS unit_code, u.name AS unit_name, 0 AS total
              FROM ${
                // a unit's subtree: its units sorted first, so that the page walks them only
                query.unit
                  ? Prisma.sql`(SELECT u.* FROM org_unit u WHERE u.id = ANY(${unitIds}::int[]) ORDER BY u.code ${Prisma.raw(direction)}) u`
                  : Prisma.sql`org_unit u`
              }
              CROSS JOIN LATERAL (
                SELECT ${columns}
                FROM project p JOIN ${metrics} m ON m.project_id = p.id
                WHERE p.unit_id = u.id AND ${Prisma.join(where, " AND ")}
                ORDER BY p.serial ${Prisma.raw(direction)}
                LIMIT ${offset + query.pageSize}
              ) x
              ORDER BY u.code ${Prisma.raw(direction)}, x.serial ${Prisma.raw(direction)}
              LIMIT ${query.pageSize} OFFSET ${offset}`
          : await db.$queryRaw<SummaryRow[]>`
              ${withCtes}
              SELECT ${columns}, u.code AS unit_code, u.name AS unit_name,
                ${kept ? Prisma.sql`0` : Prisma.sql`COUNT(*) OVER ()`} AS total
              FROM project p
              JOIN ${metrics} m ON m.project_id = p.id
              JOIN org_unit u ON u.id = p.unit_id
              WHERE ${Prisma.join(where, " AND ")}
              ORDER BY ${orderBy}
              LIMIT ${query.pageSize} OFFSET ${offset}`;
      let total = Number(rows[0]?.total ?? 0);
      let moreThanTotal = false;
      if (keptTotal) {
        total = await keptCount(db, query, unitIds);
      } else if (kept || (rows.length === 0 && query.page > 1)) {
        // a text search over the kept figures: the page was taken without counting, count apart
        // counted up to a cap: a common word matches a good part of a nation's projects
        const counted = await db.$queryRaw<{ total: bigint }[]>`
          ${withCtes}
          SELECT COUNT(*) AS total FROM (
            SELECT 1 FROM project p JOIN ${metrics} m ON m.project_id = p.id WHERE ${Prisma.join(where, " AND ")}
            LIMIT ${countCap + 1}
          ) matches`;
        total = Math.min(countCap, Number(counted[0]?.total ?? 0));
        moreThanTotal = Number(counted[0]?.total ?? 0) > countCap;
      }
      const items: ProjectSummary[] = rows.map((row) => ({
        code: row.code,
        name: row.name,
        unitCode: row.unit_code,
        unitName: row.unit_name,
        fiscalYear: row.fiscal_year,
        responsibleOfficer: row.responsible_officer,
        budgetAllocated: row.budget_allocated === null ? null : Number(row.budget_allocated),
        budgetSpent: row.budget_spent === null ? null : Number(row.budget_spent),
        progress: row.progress === null ? null : Number(row.progress),
        lastReportDate: fromDbDateOrNull(row.last_report_date),
        plannedProgress: Number(row.planned),
        scheduleStatus: row.schedule_status,
        reportedThisMonth: row.reported_this_month,
        version: row.version,
        updatedAt: row.updated_at.toISOString(),
      }));
      return { items, total, ...(moreThanTotal ? { moreThanTotal } : {}), page: query.page, pageSize: query.pageSize };
    },

    async create(input: ProjectCreate, asOf: IsoDate, change: ChangeContext): Promise<ProjectDetail> {
      checkBudget(input.budgetAllocated, input.budgetSpent);
      return prisma.$transaction(async (tx) => {
        const unit = { id: await unitIdOf(tx, "unitCode", input.unitCode) };
        let serial: number;
        if (input.code) {
          const [prefix, number] = input.code.split("-") as [string, string];
          if (prefix !== input.unitCode) {
            throw invalid("code", "codeUnitMismatch", {
              th: "รหัสโครงการต้องขึ้นต้นด้วยรหัสหน่วยงาน",
              en: "A project code must start with its unit's code",
            });
          }
          serial = Number(number);
          // a code stays taken after its project is deleted
          if (await tx.project.findUnique({ where: { code: input.code }, select: { id: true } })) {
            throw conflict("code", `Project code ${input.code} is already taken`, `รหัสโครงการ ${input.code} ถูกใช้แล้ว`);
          }
        } else {
          serial = await nextSerial(tx, unit.id);
          // a project moved away from this unit keeps its code: skip numbers whose code it holds
          while (
            await tx.project.findUnique({ where: { code: `${input.unitCode}-${serial}` }, select: { id: true } })
          ) {
            serial++;
          }
        }
        await ensureFiscalYear(tx, input.fiscalYear);
        await checkPolicies(tx, input.policyCodes);
        const code = `${input.unitCode}-${serial}`;
        const { id: projectId } = await tx.project.create({
          data: {
            code,
            serial,
            unitId: unit.id,
            fiscalYear: input.fiscalYear,
            name: input.name,
            ...nameColumns(input.name),
            responsibleOfficer: input.responsibleOfficer,
            responsibleOfficerPhone: input.responsibleOfficerPhone,
            responsibleUnitId: await optionalUnitIdOf(tx, "responsibleUnitCode", input.responsibleUnitCode),
            budgetUnitId: await optionalUnitIdOf(tx, "budgetUnitCode", input.budgetUnitCode),
            rationale: input.rationale,
            objectives: input.objectives,
            targets: input.targets,
            strategyNodeId: await strategyIdOrNull(tx, input.strategyCode),
            budgetAllocated: input.budgetAllocated,
            budgetSpent: input.budgetSpent,
            plannedStart: toDbDateOrNull(input.plannedStart),
            plannedFinish: toDbDateOrNull(input.plannedFinish),
            policies: { create: input.policyCodes.map((policyCode) => ({ policyCode })) },
          },
        });
        // an amount spent given without a date is as of the day it is entered
        if (input.budgetSpent != null)
          await recordSpending(tx, projectId, asOf, input.budgetSpent, change, "budgetSpent");
        const created = await get(code, asOf, tx);
        await keepFiguresAfterWrite(tx, { projectIds: [projectId] }, asOf);
        await recordAudit(tx, change, {
          action: "project.create",
          entityType: "project",
          entityKey: code,
          projectId,
          after: { code, unitCode: input.unitCode, fiscalYear: input.fiscalYear, ...auditedFields(created) },
        });
        return created;
      });
    },

    async update(
      code: string,
      patch: ProjectPatch,
      expectedVersion: number | undefined,
      asOf: IsoDate,
      change: ChangeContext,
    ) {
      return prisma.$transaction(async (tx) => {
        const read = await get(code, asOf, tx);
        // a patch that changes nothing is no write: no version bump, no history event
        if (isNoOpPatch(auditedFields(read), patch)) {
          if (expectedVersion !== undefined && expectedVersion !== read.version) throw preconditionFailed(read.version);
          return read;
        }
        const locked = await lockProjectForWrite(tx, code, expectedVersion);
        const current = await tx.project.findUniqueOrThrow({ where: { id: locked.id } });
        // written meanwhile (between the read and the lock): read it again
        const before = auditedFields(locked.version === read.version + 1 ? read : await get(code, asOf, tx));
        checkBudget(
          patch.budgetAllocated !== undefined ? patch.budgetAllocated : Number(current.budgetAllocated ?? Number.NaN),
          patch.budgetSpent !== undefined ? patch.budgetSpent : Number(current.budgetSpent ?? Number.NaN),
        );
        await checkPolicies(tx, patch.policyCodes);
        const {
          policyCodes,
          responsibleUnitCode,
          budgetUnitCode,
          strategyCode,
          plannedStart,
          plannedFinish,
          ...fields
        } = patch;
        await tx.project.update({
          where: { id: locked.id },
          data: {
            ...fields,
            ...(patch.name !== undefined ? nameColumns(patch.name) : {}),
            responsibleUnitId: await optionalUnitIdOf(tx, "responsibleUnitCode", responsibleUnitCode),
            budgetUnitId: await optionalUnitIdOf(tx, "budgetUnitCode", budgetUnitCode),
            strategyNodeId: await strategyIdOrNull(tx, strategyCode),
            plannedStart: plannedStart === undefined ? undefined : toDbDateOrNull(plannedStart),
            plannedFinish: plannedFinish === undefined ? undefined : toDbDateOrNull(plannedFinish),
            policies: policyCodes
              ? { deleteMany: {}, create: policyCodes.map((policyCode) => ({ policyCode })) }
              : undefined,
          },
        });
        // an amount spent given without a date is as of the day it is entered; none clears the history
        if (patch.budgetSpent === null) await clearSpending(tx, locked.id);
        else if (patch.budgetSpent !== undefined) {
          await recordSpending(tx, locked.id, asOf, patch.budgetSpent, change, "budgetSpent");
        }
        await keepFiguresAfterWrite(tx, { projectIds: [locked.id], unitYears: [locked] }, asOf);
        const updated = await get(code, asOf, tx);
        await recordAudit(tx, change, {
          action: "project.update",
          entityType: "project",
          entityKey: code,
          projectId: locked.id,
          ...changedFields(before, auditedFields(updated)),
        });
        return updated;
      });
    },

    async softDelete(code: string, expectedVersion: number | undefined, today: IsoDate, change: ChangeContext) {
      await prisma.$transaction(async (tx) => {
        const locked = await lockProjectForWrite(tx, code, expectedVersion);
        const deletedAt = new Date();
        await tx.project.update({ where: { id: locked.id }, data: { deletedAt } });
        await keepFiguresAfterWrite(tx, { projectIds: [locked.id] }, today);
        await recordAudit(tx, change, {
          action: "project.delete",
          entityType: "project",
          entityKey: code,
          projectId: locked.id,
          before: { deletedAt: null },
          after: { deletedAt: deletedAt.toISOString() },
        });
      });
    },

    /** Bring back a deleted project with its plan and reports, as it was. */
    async restore(code: string, today: IsoDate, change: ChangeContext): Promise<ProjectDetail> {
      return prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ id: number; deleted_at: Date | null }[]>`
          SELECT id, deleted_at FROM project WHERE code = ${code} FOR UPDATE`;
        const row = rows[0];
        if (!row) throw notFound("project", code, "โครงการ");
        if (row.deleted_at === null) {
          throw conflict("code", `Project ${code} is not deleted`, `โครงการ ${code} ไม่ได้ถูกลบ`);
        }
        await tx.project.update({ where: { id: row.id }, data: { deletedAt: null, version: { increment: 1 } } });
        await keepFiguresAfterWrite(tx, { projectIds: [row.id] }, today);
        await recordAudit(tx, change, {
          action: "project.restore",
          entityType: "project",
          entityKey: code,
          projectId: row.id,
          before: { deletedAt: row.deleted_at.toISOString() },
          after: { deletedAt: null },
        });
        return get(code, today, tx);
      });
    },

    /** Hand a project to another unit (a reorganisation); its code stays, as other systems know it by it. */
    async move(
      code: string,
      unitCode: string,
      expectedVersion: number | undefined,
      today: IsoDate,
      change: ChangeContext,
    ): Promise<ProjectDetail> {
      return prisma.$transaction(async (tx) => {
        const locked = await lockProjectForWrite(tx, code, expectedVersion);
        const from = await tx.orgUnit.findUniqueOrThrow({ where: { id: locked.unitId }, select: { code: true } });
        const unitId = await unitIdOf(tx, "unitCode", unitCode);
        // the code stays; the running number is the target unit's next, as (unit, serial) is unique
        await tx.project.update({ where: { id: locked.id }, data: { unitId, serial: await nextSerial(tx, unitId) } });
        await keepFiguresAfterWrite(tx, { projectIds: [locked.id] }, today);
        await recordAudit(tx, change, {
          action: "project.move",
          entityType: "project",
          entityKey: code,
          projectId: locked.id,
          before: { unitCode: from.code },
          after: { unitCode },
        });
        return get(code, today, tx);
      });
    },

    /** The project's audit trail, newest first (also for a deleted project). */
    async history(code: string) {
      const project = await prisma.project.findUnique({ where: { code }, select: { id: true } });
      if (!project) throw notFound("project", code, "โครงการ");
      const events = await prisma.auditEvent.findMany({ where: { projectId: project.id }, orderBy: { id: "desc" } });
      return events.map((event) => ({
        id: event.id,
        at: event.at.toISOString(),
        actor: event.actorLabel,
        action: event.action,
        entityType: event.entityType,
        entityKey: event.entityKey,
        before: event.before ?? null,
        after: event.after ?? null,
      }));
    },
  };
}

export type ProjectsRepository = ReturnType<typeof projectsRepository>;
