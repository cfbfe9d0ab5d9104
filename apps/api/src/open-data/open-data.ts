/**
 * The open-data feed: every live project of a fiscal year, its non-personal fields only (never the
 * officer's name or phone), from the kept figures, in code order. Its validator (ETag and
 * Last-Modified) is the year's latest project change, its number of projects and the kept
 * figures' day, so that a portal polling it gets 304 until something changed.
 */
import { createHash } from "node:crypto";
import type { OpenDataProject } from "@cpm/schema";
import { keptAsOf } from "../figures";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { fromDbDateOrNull } from "../lib/dates";

export const openDataId = (code: string) => `urn:cpm:project:${code}`;

interface Row {
  code: string;
  name: string;
  serial: number;
  unit_code: string;
  unit_name: string;
  fiscal_year: number;
  objectives: string;
  targets: string;
  strategy_code: string | null;
  budget_allocated: Prisma.Decimal | null;
  budget_spent: Prisma.Decimal | null;
  progress: Prisma.Decimal | null;
  planned: Prisma.Decimal;
  schedule_status: OpenDataProject["scheduleStatus"];
  last_report_date: Date | null;
  updated_at: Date;
}

const num = (value: Prisma.Decimal | null) => (value === null ? null : Number(value));

function toOpenData(row: Row): OpenDataProject {
  return {
    id: openDataId(row.code),
    code: row.code,
    name: row.name,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    fiscalYear: row.fiscal_year,
    objectives: row.objectives,
    targets: row.targets,
    strategyCode: row.strategy_code,
    budgetAllocated: num(row.budget_allocated),
    budgetSpent: num(row.budget_spent),
    progress: num(row.progress),
    plannedProgress: Number(row.planned),
    scheduleStatus: row.schedule_status,
    lastReportDate: fromDbDateOrNull(row.last_report_date),
    updatedAt: row.updated_at.toISOString(),
  };
}

const select = (where: Prisma.Sql, limit: number, offset: number) => Prisma.sql`
  SELECT p.code, p.name, p.serial, u.code AS unit_code, u.name AS unit_name, p.fiscal_year, p.objectives, p.targets,
    s.code AS strategy_code, p.budget_allocated, p.budget_spent, f.progress, f.planned, f.schedule_status,
    f.last_report_date, p.updated_at
  FROM project p
  JOIN org_unit u ON u.id = p.unit_id
  JOIN project_figures f ON f.project_id = p.id
  LEFT JOIN strategy_node s ON s.id = p.strategy_node_id
  WHERE p.deleted_at IS NULL AND p.fiscal_year = ${where}
  ORDER BY u.code, p.serial
  LIMIT ${limit} OFFSET ${offset}`;

export function openData(db: () => PrismaClient) {
  return {
    /** What the year's answer depends on: its validator and its last change. */
    async version(fiscalYear: number) {
      const client = db();
      const [row] = await client.$queryRaw<{ total: bigint; last: Date | null; calendar: Date | null }[]>`
        SELECT (SELECT COUNT(*) FROM project WHERE fiscal_year = ${fiscalYear} AND deleted_at IS NULL) AS total,
          (SELECT MAX(updated_at) FROM project WHERE fiscal_year = ${fiscalYear}) AS last,
          (SELECT MAX(updated_at) FROM figures_calendar) AS calendar`;
      const asOf = await keptAsOf(client);
      const times = [row?.last, row?.calendar].filter((t): t is Date => t instanceof Date).map((t) => t.getTime());
      // HTTP dates have whole seconds
      const lastModified = new Date(Math.floor(Math.max(0, ...times) / 1000) * 1000);
      const total = Number(row?.total ?? 0);
      const tag = (variant: string) =>
        `"o.${createHash("sha256")
          .update(`${fiscalYear}.${variant}.${total}.${Math.max(0, ...times)}.${asOf}`)
          .digest("base64url")
          .slice(0, 22)}"`;
      return { total, lastModified, asOf, tag };
    },

    async page(fiscalYear: number, page: number, pageSize: number): Promise<OpenDataProject[]> {
      const rows = await db().$queryRaw<Row[]>(select(Prisma.sql`${fiscalYear}`, pageSize, (page - 1) * pageSize));
      return rows.map(toOpenData);
    },

    /** The whole year, a thousand at a time (keyset on unit code and number). */
    async *all(fiscalYear: number): AsyncGenerator<OpenDataProject[]> {
      const client = db();
      let after: { unit: string; serial: number } | null = null;
      for (;;) {
        const cursor: Prisma.Sql = after
          ? Prisma.sql`${fiscalYear} AND (u.code, p.serial) > (${after.unit}, ${after.serial})`
          : Prisma.sql`${fiscalYear}`;
        const rows: Row[] = await client.$queryRaw<Row[]>(select(cursor, 1_000, 0));
        if (rows.length === 0) return;
        yield rows.map(toOpenData);
        const last = rows[rows.length - 1] as Row;
        after = { unit: last.unit_code, serial: last.serial };
        if (rows.length < 1_000) return;
      }
    },
  };
}
