/**
 * The projects list as a table, with the list's filters, in code order, read page by page with a
 * keyset cursor (unit code, number): each page one indexed statement, whatever the number of projects.
 */
import type { ProjectListQuery } from "@cpm/schema";
import { type IsoDate, searchText } from "@cpm/schema/rules";
import { keptSourceFor } from "../figures";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { fromDbDateOrNull } from "../lib/dates";
import { withoutPhoneNumbers } from "../lib/privacy";
import { projectMetricsCte, unitSubtreeCte } from "../sql/project-metrics";
import type { CellValue, Column } from "./spreadsheet";

export type ProjectExportFilters = Omit<ProjectListQuery, "page" | "pageSize" | "sort" | "order">;
export type Lang = "th" | "en";

const STATUS: Record<string, Record<Lang, string>> = {
  done: { th: "เสร็จสิ้น", en: "Done" },
  on_track: { th: "ตามแผน", en: "On track" },
  behind: { th: "ล่าช้า", en: "Behind" },
  not_started: { th: "ยังไม่เริ่ม", en: "Not started" },
  no_schedule: { th: "ไม่มีกำหนดการ", en: "No schedule" },
  late: { th: "ไม่แล้วเสร็จตามกำหนด", en: "Not finished / late" },
};

export function projectColumns(lang: Lang): Column[] {
  const h = (th: string, en: string) => (lang === "th" ? th : en);
  return [
    { header: h("รหัสโครงการ", "Code"), kind: "text", width: 16 },
    { header: h("ชื่อโครงการ", "Name"), kind: "text", width: 60 },
    { header: h("รหัสหน่วยงาน", "Unit code"), kind: "text", width: 12 },
    { header: h("หน่วยงาน", "Unit"), kind: "text", width: 32 },
    { header: h("ปีงบประมาณ (พ.ศ.)", "Fiscal year (BE)"), kind: "integer", width: 12 },
    { header: h("ผู้รับผิดชอบ", "Responsible officer"), kind: "text", width: 28 },
    { header: h("งบประมาณที่ได้รับ (บาท)", "Budget allocated (baht)"), kind: "number", width: 18 },
    { header: h("งบประมาณที่ใช้ไป (บาท)", "Budget spent (baht)"), kind: "number", width: 18 },
    { header: h("ความคืบหน้า (ร้อยละ)", "Progress (%)"), kind: "percent", width: 12 },
    { header: h("แผน (ร้อยละ)", "Planned (%)"), kind: "percent", width: 12 },
    { header: h("สถานะ", "Status"), kind: "text", width: 18 },
    { header: h("รายงานล่าสุด", "Last report"), kind: "date", width: 12 },
    { header: h("รายงานเดือนนี้แล้ว", "Reported this month"), kind: "boolean", width: 12 },
  ];
}

interface Row {
  code: string;
  name: string;
  serial: number;
  unit_code: string;
  unit_name: string;
  fiscal_year: number;
  responsible_officer: string;
  budget_allocated: Prisma.Decimal | null;
  budget_spent: Prisma.Decimal | null;
  progress: Prisma.Decimal | null;
  planned: Prisma.Decimal;
  schedule_status: string;
  last_report_date: Date | null;
  reported_this_month: boolean;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const num = (value: Prisma.Decimal | null) => (value === null ? null : Number(value));

/** Pages of table rows; `withPhones` false removes phone numbers from the officer's name (anonymous readers). */
export async function* projectPages(
  db: PrismaClient,
  filters: ProjectExportFilters,
  asOf: IsoDate,
  today: IsoDate,
  options: { lang: Lang; withPhones: boolean; pageSize?: number },
): AsyncGenerator<CellValue[][]> {
  const pageSize = options.pageSize ?? 1_000;
  const where: Prisma.Sql[] = [Prisma.sql`p.deleted_at IS NULL`];
  if (filters.fiscalYear) where.push(Prisma.sql`p.fiscal_year = ${filters.fiscalYear}`);
  if (filters.unit) {
    const ids = await db.$queryRaw<
      { id: number }[]
    >`WITH RECURSIVE ${unitSubtreeCte(filters.unit)} SELECT id FROM subtree`;
    where.push(Prisma.sql`p.unit_id = ANY(${ids.map((r) => r.id)}::int[])`);
  }
  if (filters.status) where.push(Prisma.sql`m.schedule_status = ${filters.status}`);
  if (filters.reportedThisMonth !== undefined) {
    where.push(Prisma.sql`m.reported_this_month = ${filters.reportedThisMonth}`);
  }
  const q = filters.q ? searchText(filters.q) : "";
  if (q) where.push(Prisma.sql`(p.name_search LIKE ${likePattern(q)} OR p.code LIKE ${likePattern(q)})`);
  const kept = (await keptSourceFor(db, asOf, today)) === "current";
  const metrics = kept ? Prisma.sql`project_figures` : Prisma.sql`metrics`;
  const withCtes = kept ? Prisma.empty : Prisma.sql`WITH RECURSIVE ${projectMetricsCte(asOf, filters)}`;
  let after: { unit: string; serial: number } | null = null;
  for (;;) {
    const cursor: Prisma.Sql = after
      ? Prisma.sql`AND (u.code, p.serial) > (${after.unit}, ${after.serial})`
      : Prisma.empty;
    const rows: Row[] = await db.$queryRaw<Row[]>`
      ${withCtes}
      SELECT p.code, p.name, p.serial, u.code AS unit_code, u.name AS unit_name, p.fiscal_year, p.responsible_officer,
        p.budget_allocated, p.budget_spent, m.progress, m.planned, m.schedule_status, m.last_report_date,
        m.reported_this_month
      FROM project p
      JOIN org_unit u ON u.id = p.unit_id
      JOIN ${metrics} m ON m.project_id = p.id
      WHERE ${Prisma.join(where, " AND ")} ${cursor}
      ORDER BY u.code, p.serial
      LIMIT ${pageSize}`;
    if (rows.length === 0) return;
    yield rows.map((row) => {
      const lastReport = fromDbDateOrNull(row.last_report_date);
      return [
        row.code,
        row.name,
        row.unit_code,
        row.unit_name,
        row.fiscal_year,
        options.withPhones ? row.responsible_officer : withoutPhoneNumbers(row.responsible_officer),
        num(row.budget_allocated),
        num(row.budget_spent),
        num(row.progress),
        Number(row.planned),
        STATUS[row.schedule_status]?.[options.lang] ?? row.schedule_status,
        lastReport ? { date: lastReport } : null,
        row.reported_this_month,
      ];
    });
    const last = rows[rows.length - 1] as Row;
    after = { unit: last.unit_code, serial: last.serial };
    if (rows.length < pageSize) return;
  }
}
