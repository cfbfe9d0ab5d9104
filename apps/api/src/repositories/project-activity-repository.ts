import type {
  EvaluationInput,
  PlanInput,
  ProgressReport,
  QuarterEvaluation,
  ReportInput,
  ReportPatch,
} from "@cpm/schema";
import type { IsoDate, Quarter } from "@cpm/schema/rules";
import { actorColumns } from "../auth/actor";
import { keepFiguresAfterWrite } from "../figures";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { toDbDate, toDbDateOrNull } from "../lib/dates";
import { checkReportDate } from "../lib/fiscal-bounds";
import { isNoOpPatch } from "../lib/no-op-patch";
import { invalid, notFound, preconditionFailed } from "../lib/problems";
import { type ChangeContext, recordAudit } from "./audit";
import { lockProjectForWrite } from "./project-lock";
import { toEvaluation, toPlanStep, toProgressReports } from "./project-mappers";
import { recordSpending, removeReportSpending, spendingOfReport } from "./spending-repository";

const reportFields = (r: Pick<ProgressReport, "reportDate" | "percent" | "narrative" | "problems" | "obstacles">) => ({
  reportDate: r.reportDate,
  percent: r.percent,
  narrative: r.narrative,
  problems: r.problems,
  obstacles: r.obstacles,
});

/** The report's fields as the history keeps them, with the writer's reason when one was given. */
const historyOf = (
  r: Pick<ProgressReport, "reportDate" | "percent" | "narrative" | "problems" | "obstacles">,
  reason: string | undefined,
) => (reason?.trim() ? { ...reportFields(r), reason } : reportFields(r));

/** A write's answer carries the project's new version, for the ETag (the response schema leaves it out). */
type WithVersion<T> = T & { projectVersion: number };

const futureDate = (today: IsoDate) =>
  invalid("reportDate", "futureDate", {
    th: `วันที่รายงานต้องไม่เกินวันนี้ (${today})`,
    en: `A report cannot be dated after today (${today})`,
  });

/** Writes beneath a project: its plan, its monthly reports, its quarterly evaluations. */
export function projectActivityRepository(prisma: PrismaClient) {
  return {
    /** Replace the whole plan atomically; the schema has already checked that the weights sum to 100. */
    async replacePlan(
      code: string,
      plan: PlanInput,
      today: IsoDate,
      expectedVersion: number | undefined,
      change: ChangeContext,
    ) {
      await prisma.$transaction(async (tx) => {
        const project = await lockProjectForWrite(tx, code, expectedVersion);
        const before = await tx.planStep.findMany({ where: { projectId: project.id }, orderBy: { order: "asc" } });
        await tx.planStep.deleteMany({ where: { projectId: project.id } });
        await tx.planStep.createMany({
          data: plan.steps.map((step, index) => ({
            projectId: project.id,
            order: index + 1,
            name: step.name,
            weight: step.weight,
            plannedStart: toDbDateOrNull(step.plannedStart),
            plannedEnd: toDbDateOrNull(step.plannedEnd),
            actualStart: toDbDateOrNull(step.actualStart),
            actualEnd: toDbDateOrNull(step.actualEnd),
            completion: step.completion,
          })),
        });
        await keepFiguresAfterWrite(tx, { projectIds: [project.id], unitYears: [project] }, today);
        const after = await tx.planStep.findMany({ where: { projectId: project.id }, orderBy: { order: "asc" } });
        const steps = (rows: typeof after) => rows.map(toPlanStep).map(({ id: _id, ...step }) => step);
        await recordAudit(tx, change, {
          action: "plan.replace",
          entityType: "plan",
          entityKey: code,
          projectId: project.id,
          before: { steps: steps(before) },
          after: { steps: steps(after), ...(plan.reason ? { reason: plan.reason } : {}) },
        });
      });
    },

    async addReport(
      code: string,
      input: ReportInput,
      today: IsoDate,
      expectedVersion: number | undefined,
      change: ChangeContext,
    ) {
      if (input.reportDate > today) throw futureDate(today);
      return prisma.$transaction(async (tx) => {
        const project = await lockProjectForWrite(tx, code, expectedVersion);
        checkReportDate(input.reportDate, project.fiscalYear);
        // one statement: the report, its audit row, and the project's reports to answer with
        const actor = actorColumns(change.actor);
        const after = JSON.stringify(historyOf(input, input.reason));
        const rows = await tx.$queryRaw<(Prisma.ProgressReportGetPayload<object> & { isNew: boolean })[]>`
          WITH ins AS (
            INSERT INTO progress_report (project_id, report_date, percent, narrative, problems, obstacles, budget_spent)
            VALUES (${project.id}, ${input.reportDate}::date, ${input.percent}, ${input.narrative}, ${input.problems},
              ${input.obstacles}, ${input.budgetSpent ?? null}::numeric)
            RETURNING *
          ),
          audit AS (
            INSERT INTO audit_event (user_id, api_key_id, actor_label, action, entity_type, entity_key, project_id,
              after, request_id)
            SELECT ${actor.userId}, ${actor.apiKeyId}, ${actor.actorLabel}, 'report.create', 'report', ins.id::text,
              ins.project_id, ${after}::jsonb, ${change.requestId}
            FROM ins
          ),
          reports AS (
            SELECT *, false AS is_new FROM progress_report WHERE project_id = ${project.id} AND deleted_at IS NULL
            UNION ALL
            SELECT *, true FROM ins
          )
          SELECT id, project_id AS "projectId", report_date AS "reportDate", percent, narrative, problems, obstacles,
            created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt", is_new AS "isNew"
          FROM reports`;
        const id = rows.find((row) => row.isNew)?.id;
        const report = toProgressReports(rows).find((r) => r.id === id) as ProgressReport;
        if (input.budgetSpent !== undefined) {
          await recordSpending(tx, project.id, input.reportDate, input.budgetSpent, change, "budgetSpent", report.id);
        }
        // last: the unit's kept row is locked from here to the commit, which every write of the unit waits for
        await keepFiguresAfterWrite(
          tx,
          { projectIds: [project.id], unitYears: [project], from: input.reportDate },
          today,
        );
        return { ...report, projectVersion: project.version };
      });
    },

    async updateReport(
      code: string,
      id: number,
      patch: ReportPatch,
      today: IsoDate,
      expectedVersion: number | undefined,
      change: ChangeContext,
    ): Promise<ProgressReport | WithVersion<ProgressReport>> {
      if (patch.reportDate && patch.reportDate > today) throw futureDate(today);
      const { reason, budgetSpent, ...fields } = patch;
      return prisma.$transaction(async (tx) => {
        // a correction that changes nothing is no write: no version bump, no history event
        const spentAsRead = await spendingOfReport(tx, id);
        const sameSpending = budgetSpent === undefined || budgetSpent === (spentAsRead?.amount ?? null);
        const unchanged = sameSpending && (await unchangedReport(tx, code, id, fields, expectedVersion));
        if (unchanged) return unchanged;
        const project = await lockProjectForWrite(tx, code, expectedVersion);
        const spentBefore = await spendingOfReport(tx, id);
        const spendingUnchanged = budgetSpent === undefined || budgetSpent === (spentBefore?.amount ?? null);
        if (patch.reportDate) checkReportDate(patch.reportDate, project.fiscalYear);
        const existing = await tx.progressReport.findFirst({ where: { id, projectId: project.id, deletedAt: null } });
        if (!existing) throw notFound("report", String(id), "รายงานผลการดำเนินงาน");
        const before = (await findReport(tx, project.id, id)) as ProgressReport;
        const spentAfter = budgetSpent === undefined ? (spentBefore?.amount ?? null) : budgetSpent;
        await tx.progressReport.update({
          where: { id },
          data: {
            ...fields,
            reportDate: fields.reportDate ? toDbDate(fields.reportDate) : undefined,
            budgetSpent: spentAfter,
          },
        });
        const after = (await findReport(tx, project.id, id)) as ProgressReport;
        // the report's spending: replaced, taken away, or moved with the report's date
        const spendingMoves = spentBefore !== null && spentBefore.spentAsOf !== after.reportDate;
        if (!spendingUnchanged || spendingMoves) {
          await removeReportSpending(tx, project.id, id, change);
          if (spentAfter !== null) {
            await recordSpending(tx, project.id, after.reportDate, spentAfter, change, "budgetSpent", id);
          }
        }
        const from = after.reportDate < before.reportDate ? after.reportDate : before.reportDate;
        const spending = (amount: number | null) =>
          spentBefore === null && spentAfter === null ? {} : { budgetSpent: amount };
        await recordAudit(tx, change, {
          action: "report.update",
          entityType: "report",
          entityKey: String(id),
          projectId: project.id,
          before: { ...reportFields(before), ...spending(spentBefore?.amount ?? null) },
          after: { ...historyOf(after, reason), ...spending(spentAfter) },
        });
        await keepFiguresAfterWrite(tx, { projectIds: [project.id], unitYears: [project], from }, today);
        return { ...after, projectVersion: project.version };
      });
    },

    /** Withdraw a report; answers the project's new version. */
    async deleteReport(
      code: string,
      id: number,
      today: IsoDate,
      expectedVersion: number | undefined,
      change: ChangeContext,
      reason = "",
    ): Promise<number> {
      return prisma.$transaction(async (tx) => {
        const project = await lockProjectForWrite(tx, code, expectedVersion);
        const before = await findReport(tx, project.id, id);
        const result = await tx.progressReport.updateMany({
          where: { id, projectId: project.id, deletedAt: null },
          data: { deletedAt: new Date() },
        });
        if (result.count === 0 || !before) throw notFound("report", String(id), "รายงานผลการดำเนินงาน");
        // the spending that came with the report goes with it (an amount recorded on its own stays)
        const spent = await removeReportSpending(tx, project.id, id, change);
        await recordAudit(tx, change, {
          action: "report.delete",
          entityType: "report",
          entityKey: String(id),
          projectId: project.id,
          before: spent ? { ...reportFields(before), budgetSpent: spent.amount } : reportFields(before),
          after: reason.trim() ? { reason } : undefined,
        });
        await keepFiguresAfterWrite(
          tx,
          { projectIds: [project.id], unitYears: [project], from: before.reportDate },
          today,
        );
        return project.version;
      });
    },

    async putEvaluation(
      code: string,
      quarter: Quarter,
      input: EvaluationInput,
      expectedVersion: number | undefined,
      change: ChangeContext,
    ): Promise<WithVersion<QuarterEvaluation>> {
      return prisma.$transaction(async (tx) => {
        const project = await lockProjectForWrite(tx, code, expectedVersion);
        const before = await tx.quarterEvaluation.findUnique({
          where: { projectId_quarter: { projectId: project.id, quarter } },
        });
        const row = await tx.quarterEvaluation.upsert({
          where: { projectId_quarter: { projectId: project.id, quarter } },
          create: { projectId: project.id, quarter, ...input },
          update: input,
        });
        await recordAudit(tx, change, {
          action: "evaluation.put",
          entityType: "evaluation",
          entityKey: `${code}/Q${quarter}`,
          projectId: project.id,
          before: before ? { quarter, score: Number(before.score), note: before.note } : undefined,
          after: { quarter, score: input.score, note: input.note },
        });
        return { ...toEvaluation(row), projectVersion: project.version };
      });
    },
  };
}

/**
 * The report as it is when a patch would not change it (the version sent must still be current),
 * or undefined when the patch is a real change.
 */
async function unchangedReport(
  tx: Prisma.TransactionClient,
  code: string,
  id: number,
  patch: Record<string, unknown>,
  expectedVersion: number | undefined,
): Promise<ProgressReport | undefined> {
  const project = await tx.project.findFirst({ where: { code, deletedAt: null }, select: { id: true, version: true } });
  if (!project) return undefined;
  const report = await findReport(tx, project.id, id);
  if (!report || !isNoOpPatch(reportFields(report), patch)) return undefined;
  if (expectedVersion !== undefined && expectedVersion !== project.version) throw preconditionFailed(project.version);
  return report;
}

/** A live report as the detail shows it: its quarter and whether it drops below the report before it. */
async function findReport(
  tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0],
  projectId: number,
  id: number,
): Promise<ProgressReport | undefined> {
  const rows = await tx.progressReport.findMany({ where: { projectId, deletedAt: null } });
  return toProgressReports(rows).find((report) => report.id === id);
}

export type ProjectActivityRepository = ReturnType<typeof projectActivityRepository>;
