import type { SpendingHistory, SpendingInput } from "@cpm/schema";
import type { IsoDate } from "@cpm/schema/rules";
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
 * Part of the caller's write: its transaction, its locked project, its kept figures.
 */
export async function recordSpending(
  tx: Tx,
  projectId: number,
  spentAsOf: IsoDate,
  amount: number,
  change: ChangeContext,
  field = "amount",
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
  // one statement: the dated amount, then the project's latest (this one counts if it is the latest)
  await tx.$executeRaw`
    WITH upsert AS (
      INSERT INTO project_spending (project_id, spent_as_of, amount) VALUES (${projectId}, ${spentAsOf}::date, ${amount})
      ON CONFLICT (project_id, spent_as_of) DO UPDATE SET amount = EXCLUDED.amount
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
    after: { spentAsOf, amount },
  });
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
