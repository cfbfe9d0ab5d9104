import {
  LOCKED_MONTH_STATES,
  MONTH_TRANSITION_RULES,
  type MonthState,
  type MonthTransition,
  type ReportingMonth,
} from "@cpm/schema";
import type { IsoDate } from "@cpm/schema/rules";
import { actorColumns } from "../auth/actor";
import { decide } from "../auth/policy";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { DomainError, notFound, preconditionFailed } from "../lib/problems";
import { type ChangeContext, recordAudit } from "./audit";

type Tx = Prisma.TransactionClient;

interface MonthRow {
  state: MonthState;
  comment: string;
  submittedBy: string | null;
  submittedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  version: number;
}

const OPEN: MonthRow = {
  state: "open",
  comment: "",
  submittedBy: null,
  submittedAt: null,
  decidedBy: null,
  decidedAt: null,
  version: 0,
};

/** 2026-11 → its first day as the database keeps it. */
const firstDay = (month: string) => new Date(`${month}-01T00:00:00Z`);

const STATE_TEXT: Record<MonthState, { th: string; en: string }> = {
  open: { th: "เปิดรับรายงาน", en: "open" },
  submitted: { th: "ส่งแล้ว รออนุมัติ", en: "submitted" },
  approved: { th: "อนุมัติแล้ว", en: "approved" },
  returned: { th: "ส่งกลับแก้ไข", en: "returned" },
};

export const monthLocked = (unitName: string, month: string) =>
  new DomainError(
    409,
    "month-locked",
    "Conflict",
    {
      th: `รายงานเดือน ${month} ของ${unitName} ถูกส่งหรืออนุมัติแล้ว แก้ไขไม่ได้จนกว่าหัวหน้าหน่วยงานจะส่งกลับหรือเปิดใหม่`,
      en: `The ${month} reports of ${unitName} are submitted or approved: no change until the unit head returns or reopens the month`,
    },
    [{ path: "reportDate", code: "monthLocked", message: { th: "เดือนนี้ถูกล็อก", en: "This month is locked" } }],
  );

/** รอบรายงานประจำเดือน: each unit's month, from open to submitted to approved (or returned), audited. */
export function reportingMonthsRepository(prisma: PrismaClient) {
  async function unitOf(client: Tx | PrismaClient, code: string) {
    const unit = await client.orgUnit.findUnique({ where: { code }, select: { id: true, code: true, name: true } });
    if (!unit) throw notFound("unit", code, "หน่วยงาน");
    return unit;
  }

  async function rowOf(client: Tx | PrismaClient, unitId: number, month: string): Promise<MonthRow> {
    const row = await client.reportingMonth.findUnique({ where: { unitId_month: { unitId, month: firstDay(month) } } });
    return row ?? OPEN;
  }

  function answer(
    unit: { code: string; name: string },
    month: string,
    row: MonthRow,
    change: ChangeContext,
    unitAncestry: number[],
  ): ReportingMonth {
    const may = (permission: "project.write" | "month.submit" | "month.decide") =>
      decide(change.actor, permission, { publicRead: false, unitAncestry }) === "allow";
    const locked = LOCKED_MONTH_STATES.includes(row.state);
    const allowed = (transition: MonthTransition) => MONTH_TRANSITION_RULES[transition].from.includes(row.state);
    return {
      unitCode: unit.code,
      unitName: unit.name,
      month,
      state: row.state,
      locked,
      comment: row.comment,
      submittedBy: row.submittedBy,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      decidedBy: row.decidedBy,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      version: row.version,
      actions: {
        mayEdit: may("project.write") && !locked,
        maySubmit: may("month.submit") && allowed("submit"),
        mayApprove: may("month.decide") && allowed("approve"),
        mayReturn: may("month.decide") && allowed("return"),
        mayReopen: may("month.decide") && allowed("reopen"),
      },
    };
  }

  return {
    async get(unitCode: string, month: string, change: ChangeContext, unitAncestry: number[]) {
      const unit = await unitOf(prisma, unitCode);
      return answer(unit, month, await rowOf(prisma, unit.id, month), change, unitAncestry);
    },

    /** The months of a span (a fiscal year's), in order, each as it stands. */
    async list(unitCode: string, months: string[], change: ChangeContext, unitAncestry: number[]) {
      const unit = await unitOf(prisma, unitCode);
      const rows = await prisma.reportingMonth.findMany({
        where: { unitId: unit.id, month: { in: months.map(firstDay) } },
      });
      return months.map((month) => {
        const row = rows.find((r) => r.month.toISOString().slice(0, 7) === month);
        return answer(unit, month, row ?? OPEN, change, unitAncestry);
      });
    },

    /**
     * Move a month from the state the transition starts from to the one it leads to, in one
     * transaction with its audit row; from any other state: 409, nothing changes. The route has
     * checked who may (month.submit / month.decide).
     */
    async transition(
      unitCode: string,
      month: string,
      transition: MonthTransition,
      comment: string | undefined,
      expectedVersion: number | undefined,
      change: ChangeContext,
      unitAncestry: number[],
    ): Promise<ReportingMonth> {
      return prisma.$transaction(async (tx) => {
        const unit = await unitOf(tx, unitCode);
        await tx.$executeRaw`
          INSERT INTO reporting_month (unit_id, month, version) VALUES (${unit.id}, ${`${month}-01`}::date, 0)
          ON CONFLICT (unit_id, month) DO NOTHING`;
        const [locked] = await tx.$queryRaw<MonthRow[]>`
          SELECT state::text AS state, comment, submitted_by AS "submittedBy", submitted_at AS "submittedAt",
            decided_by AS "decidedBy", decided_at AS "decidedAt", version
          FROM reporting_month WHERE unit_id = ${unit.id} AND month = ${`${month}-01`}::date FOR UPDATE`;
        const before = locked ?? OPEN;
        if (expectedVersion !== undefined && before.version !== expectedVersion)
          throw preconditionFailed(before.version);
        const rule = MONTH_TRANSITION_RULES[transition];
        if (!rule.from.includes(before.state)) {
          throw new DomainError(409, "month-state", "Conflict", {
            th: `เดือน ${month} อยู่ในสถานะ "${STATE_TEXT[before.state].th}" จึง${transition === "submit" ? "ส่ง" : transition === "approve" ? "อนุมัติ" : transition === "return" ? "ส่งกลับ" : "เปิดใหม่"}ไม่ได้`,
            en: `The month ${month} is ${STATE_TEXT[before.state].en}: it cannot be ${transition === "submit" ? "submitted" : transition === "approve" ? "approved" : transition === "return" ? "returned" : "reopened"}`,
          });
        }
        const by = actorColumns(change.actor).actorLabel;
        const now = new Date();
        const decided = transition !== "submit";
        const updated = await tx.reportingMonth.update({
          where: { unitId_month: { unitId: unit.id, month: firstDay(month) } },
          data: {
            state: rule.to,
            comment: comment ?? "",
            ...(decided ? { decidedBy: by, decidedAt: now } : { submittedBy: by, submittedAt: now }),
            version: { increment: 1 },
          },
        });
        await recordAudit(tx, change, {
          action: `month.${transition}`,
          entityType: "reportingMonth",
          entityKey: `${unit.code}/${month}`,
          before: { state: before.state, comment: before.comment },
          after: { state: updated.state, comment: updated.comment },
        });
        return answer(unit, month, updated, change, unitAncestry);
      });
    },

    /** The state of the month of `reportDate` for a project's unit, and the unit (to name it). */
    async monthOfProject(projectCode: string, reportDate: IsoDate) {
      const rows = await prisma.$queryRaw<{ state: MonthState | null; unitName: string; unitCode: string }[]>`
        SELECT m.state::text AS state, u.name AS "unitName", u.code AS "unitCode"
        FROM project p JOIN org_unit u ON u.id = p.unit_id
        LEFT JOIN reporting_month m ON m.unit_id = p.unit_id AND m.month = date_trunc('month', ${reportDate}::date)::date
        WHERE p.code = ${projectCode}`;
      const row = rows[0];
      return row ? { state: row.state ?? "open", unitName: row.unitName, unitCode: row.unitCode } : null;
    },

    async reportDateOf(reportId: number): Promise<IsoDate | null> {
      const row = await prisma.progressReport.findUnique({ where: { id: reportId }, select: { reportDate: true } });
      return row ? (row.reportDate.toISOString().slice(0, 10) as IsoDate) : null;
    },
  };
}

export type ReportingMonthsRepository = ReturnType<typeof reportingMonthsRepository>;
