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

/** The amount that came with a live report, dated by the report (null when it carried none). */
export async function spendingOfReport(tx: Tx, reportId: number): Promise<DatedSpending | null> {
  const rows = await tx.$queryRaw<{ spentAsOf: Date; amount: Prisma.Decimal }[]>`
    SELECT report_date AS "spentAsOf", budget_spent AS amount FROM progress_report
    WHERE id = ${reportId} AND deleted_at IS NULL AND budget_spent IS NOT NULL`;
  const row = rows[0];
  return row ? { spentAsOf: fromDbDate(row.spentAsOf), amount: Number(row.amount) } : null;
}

/**
 * Take away the amount that came with a report (withdrawn, or corrected) where it is a day's
 * figure: the day's figure becomes that of the latest other live report of the same day that
 * carried one, or else the amount recorded on its own beneath it, or the day goes; the project's
 * budgetSpent becomes its latest remaining amount (null when none remains). Answers what was
 * taken away.
 */
export async function removeReportSpending(
  tx: Tx,
  projectId: number,
  reportId: number,
  change: ChangeContext,
): Promise<DatedSpending | null> {
  const rows = await tx.$queryRaw<
    {
      code: string;
      spentAsOf: Date;
      amount: Prisma.Decimal;
      own: Prisma.Decimal | null;
      nextReport: number | null;
      nextAmount: Prisma.Decimal | null;
    }[]
  >`
    SELECT p.code, s.spent_as_of AS "spentAsOf", s.amount, s.standalone_amount AS own,
      next.id AS "nextReport", next.budget_spent AS "nextAmount"
    FROM project_spending s
    JOIN project p ON p.id = s.project_id
    LEFT JOIN LATERAL (
      SELECT r.id, r.budget_spent FROM progress_report r
      WHERE r.project_id = s.project_id AND r.report_date = s.spent_as_of AND r.deleted_at IS NULL
        AND r.id <> ${reportId} AND r.budget_spent IS NOT NULL
      ORDER BY r.created_at DESC, r.id DESC LIMIT 1
    ) next ON true
    WHERE s.project_id = ${projectId} AND s.report_id = ${reportId}`;
  if (rows.length === 0) return null;
  for (const row of rows) {
    const spentAsOf = fromDbDate(row.spentAsOf);
    let after: { spentAsOf: IsoDate; amount: number; reportId?: number } | null = null;
    if (row.nextReport !== null && row.nextAmount !== null) {
      await tx.$executeRaw`
        UPDATE project_spending SET amount = ${row.nextAmount}, report_id = ${row.nextReport}
        WHERE project_id = ${projectId} AND spent_as_of = ${spentAsOf}::date`;
      after = { spentAsOf, amount: Number(row.nextAmount), reportId: row.nextReport };
    } else if (row.own !== null) {
      await tx.$executeRaw`
        UPDATE project_spending SET amount = standalone_amount, report_id = NULL, standalone_amount = NULL
        WHERE project_id = ${projectId} AND spent_as_of = ${spentAsOf}::date`;
      after = { spentAsOf, amount: Number(row.own) };
    } else {
      await tx.$executeRaw`DELETE FROM project_spending WHERE project_id = ${projectId} AND spent_as_of = ${spentAsOf}::date`;
    }
    await recordAudit(tx, change, {
      action: "spending.remove",
      entityType: "spending",
      entityKey: `${row.code}@${spentAsOf}`,
      projectId,
      before: { spentAsOf, amount: Number(row.amount), reportId },
      after,
    });
  }
  await tx.$executeRaw`
    UPDATE project SET budget_spent = (
      SELECT amount FROM project_spending WHERE project_id = ${projectId} ORDER BY spent_as_of DESC LIMIT 1
    ) WHERE id = ${projectId}`;
  const removed = rows.map((row) => ({ spentAsOf: fromDbDate(row.spentAsOf), amount: Number(row.amount) }));
  return removed.sort((a, b) => (a.spentAsOf < b.spentAsOf ? 1 : -1))[0] ?? null;
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
