import type { SpendingHistory, SpendingInput } from "@cpm/schema";
import type { DatedSpending, IsoDate } from "@cpm/schema/rules";
import { keepFiguresAfterWrite } from "../figures";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { fromDbDate } from "../lib/dates";
import { invalid, notFound } from "../lib/problems";
import { type ChangeContext, recordAudit } from "./audit";
import { lockProjectForWrite } from "./project-lock";

type Tx = Prisma.TransactionClient;

/**
 * Record that a project had spent `amount` in all as of `spentAsOf` (one figure per day: a second
 * one for the same day replaces it), and make the project's budgetSpent its latest dated amount.
 * With `reportId` the amount came with that report: it goes with the report (see
 * removeReportSpending), and an amount recorded on its own for the same day is kept beneath it,
 * the day's figure again once the report's amount goes. Part of the caller's write: its
 * transaction, its locked project, its kept figures.
 */
export async function recordSpending(
  tx: Tx,
  projectId: number,
  spentAsOf: IsoDate,
  amount: number,
  change: ChangeContext,
  field = "amount",
  reportId: number | null = null,
): Promise<void> {
  const rows = await tx.$queryRaw<{ code: string; allocated: Prisma.Decimal | null; before: Prisma.Decimal | null }[]>`
    SELECT p.code, p.budget_allocated AS allocated,
      (SELECT s.amount FROM project_spending s WHERE s.project_id = p.id AND s.spent_as_of = ${spentAsOf}::date) AS before
    FROM project p WHERE p.id = ${projectId}`;
  const project = rows[0];
  if (!project) throw notFound("project", String(projectId), "โครงการ");
  if (project.allocated !== null && amount > Number(project.allocated)) {
    throw invalid(field, "spentOverAllocated", {
      th: `งบประมาณที่ใช้ไป (${amount}) ต้องไม่เกินงบประมาณที่ได้รับ (${Number(project.allocated)})`,
      en: `Budget spent (${amount}) must not exceed budget allocated (${Number(project.allocated)})`,
    });
  }
  // one statement: the dated amount, then the project's latest (this one counts if it is the latest);
  // a report's amount keeps the day's own amount beneath it, an own amount replaces the day's outright
  await tx.$executeRaw`
    WITH upsert AS (
      INSERT INTO project_spending (project_id, spent_as_of, amount, report_id)
      VALUES (${projectId}, ${spentAsOf}::date, ${amount}, ${reportId})
      ON CONFLICT (project_id, spent_as_of) DO UPDATE SET amount = EXCLUDED.amount, report_id = EXCLUDED.report_id,
        standalone_amount = CASE
          WHEN EXCLUDED.report_id IS NULL THEN NULL
          WHEN project_spending.report_id IS NULL THEN project_spending.amount
          ELSE project_spending.standalone_amount
        END
      RETURNING spent_as_of, amount
    ),
    latest AS (
      SELECT spent_as_of, amount FROM upsert
      UNION ALL
      SELECT spent_as_of, amount FROM project_spending WHERE project_id = ${projectId} AND spent_as_of <> ${spentAsOf}::date
      ORDER BY spent_as_of DESC LIMIT 1
    )
    UPDATE project SET budget_spent = (SELECT amount FROM latest) WHERE id = ${projectId}`;
  await recordAudit(tx, change, {
    action: "spending.record",
    entityType: "spending",
    entityKey: `${project.code}@${spentAsOf}`,
    projectId,
    before: project.before === null ? null : { spentAsOf, amount: Number(project.before) },
    after: reportId === null ? { spentAsOf, amount } : { spentAsOf, amount, reportId },
  });
}

/** The amount that came with a report, and its day (null when the report carried none). */
export async function spendingOfReport(tx: Tx, reportId: number): Promise<DatedSpending | null> {
  const rows = await tx.$queryRaw<{ spentAsOf: Date; amount: Prisma.Decimal }[]>`
    SELECT spent_as_of AS "spentAsOf", amount FROM project_spending WHERE report_id = ${reportId}
    ORDER BY spent_as_of DESC LIMIT 1`;
  const row = rows[0];
  return row ? { spentAsOf: fromDbDate(row.spentAsOf), amount: Number(row.amount) } : null;
}

/**
 * Take away the amount that came with a report (withdrawn, or corrected): the day keeps the amount
 * recorded on its own beneath it, if any, or goes; the project's budgetSpent becomes its latest
 * remaining amount (null when none remains). Answers what was taken away.
 */
export async function removeReportSpending(
  tx: Tx,
  projectId: number,
  reportId: number,
  change: ChangeContext,
): Promise<DatedSpending | null> {
  const removed = await tx.$queryRaw<
    { code: string; spentAsOf: Date; amount: Prisma.Decimal; own: Prisma.Decimal | null }[]
  >`
    WITH gone AS (
      SELECT project_id, spent_as_of, amount, standalone_amount FROM project_spending
      WHERE project_id = ${projectId} AND report_id = ${reportId}
    ),
    restored AS (
      UPDATE project_spending s SET amount = gone.standalone_amount, report_id = NULL, standalone_amount = NULL
      FROM gone WHERE s.project_id = gone.project_id AND s.spent_as_of = gone.spent_as_of
        AND gone.standalone_amount IS NOT NULL
      RETURNING s.spent_as_of
    ),
    -- (a data-modifying WITH runs whether or not the query reads it)
    deleted AS (
      DELETE FROM project_spending s USING gone
      WHERE s.project_id = gone.project_id AND s.spent_as_of = gone.spent_as_of AND gone.standalone_amount IS NULL
      RETURNING s.spent_as_of
    )
    SELECT p.code, gone.spent_as_of AS "spentAsOf", gone.amount, gone.standalone_amount AS own
    FROM gone JOIN project p ON p.id = gone.project_id`;
  if (removed.length === 0) return null;
  await tx.$executeRaw`
    UPDATE project SET budget_spent = (
      SELECT amount FROM project_spending WHERE project_id = ${projectId} ORDER BY spent_as_of DESC LIMIT 1
    ) WHERE id = ${projectId}`;
  for (const row of removed) {
    const spentAsOf = fromDbDate(row.spentAsOf);
    await recordAudit(tx, change, {
      action: "spending.remove",
      entityType: "spending",
      entityKey: `${row.code}@${spentAsOf}`,
      projectId,
      before: { spentAsOf, amount: Number(row.amount), reportId },
      after: row.own === null ? null : { spentAsOf, amount: Number(row.own) },
    });
  }
  const latest = removed.map((row) => ({ spentAsOf: fromDbDate(row.spentAsOf), amount: Number(row.amount) }));
  return latest.sort((a, b) => (a.spentAsOf < b.spentAsOf ? 1 : -1))[0] ?? null;
}

/** Forget a project's dated spending (its budgetSpent cleared): nothing is spent any more as of any day. */
export async function clearSpending(tx: Tx, projectId: number): Promise<void> {
  await tx.$executeRaw`DELETE FROM project_spending WHERE project_id = ${projectId}`;
}

async function historyOf(client: Tx | PrismaClient, projectId: number): Promise<SpendingHistory> {
  const rows = await client.projectSpending.findMany({ where: { projectId }, orderBy: { spentAsOf: "desc" } });
  const project = await client.project.findUniqueOrThrow({ where: { id: projectId }, select: { budgetSpent: true } });
  const items = rows.map((row) => ({ spentAsOf: fromDbDate(row.spentAsOf), amount: Number(row.amount) }));
  return {
    budgetSpent: project.budgetSpent === null ? null : Number(project.budgetSpent),
    budgetSpentAsOf: items[0]?.spentAsOf ?? null,
    items,
  };
}

/** A project's spending history (งบฯ ที่ใช้ไป ณ วันที่), read and written on its own. */
export function spendingRepository(prisma: PrismaClient) {
  return {
    async history(code: string): Promise<SpendingHistory> {
      const project = await prisma.project.findFirst({ where: { code, deletedAt: null }, select: { id: true } });
      if (!project) throw notFound("project", code, "โครงการ");
      return historyOf(prisma, project.id);
    },

    async record(
      code: string,
      input: SpendingInput,
      today: IsoDate,
      expectedVersion: number | undefined,
      change: ChangeContext,
    ): Promise<SpendingHistory & { projectVersion: number }> {
      if (input.spentAsOf > today) {
        throw invalid("spentAsOf", "futureDate", {
          th: `วันที่ของงบที่ใช้ไปต้องไม่เกินวันนี้ (${today})`,
          en: `Spending cannot be dated after today (${today})`,
        });
      }
      return prisma.$transaction(async (tx) => {
        const project = await lockProjectForWrite(tx, code, expectedVersion);
        await recordSpending(tx, project.id, input.spentAsOf, input.amount, change);
        await keepFiguresAfterWrite(
          tx,
          { projectIds: [project.id], unitYears: [project], from: input.spentAsOf },
          today,
        );
        return { ...(await historyOf(tx, project.id)), projectVersion: project.version };
      });
    },
  };
}
