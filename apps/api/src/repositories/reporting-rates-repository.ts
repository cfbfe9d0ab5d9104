import type { ReportingRatesAnswer } from "@cpm/schema";
import { fiscalYearOf, type IsoDate, type Month, monthBounds, ratesOf, reportingDeadline } from "@cpm/schema/rules";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { notFound } from "../lib/problems";

interface CountRow {
  month: string;
  group_id: number | null;
  expected: bigint;
  reported: bigint;
  on_time: bigint;
}

const counts = (row: CountRow | undefined) => {
  const expected = Number(row?.expected ?? 0);
  const reported = Number(row?.reported ?? 0);
  const onTime = Number(row?.on_time ?? 0);
  return { expected, reported, onTime, ...ratesOf(expected, reported, onTime) };
};

/**
 * Completeness and timeliness of a unit's (or the city's) monthly reports, per child unit (each with
 * its subtree) and in total, for a month and for each month of its fiscal year so far: the rule of
 * rules/reporting-rates.ts counted in SQL over the projects of the year.
 */
export function reportingRatesRepository(prisma: PrismaClient, laggingReads: () => PrismaClient = () => prisma) {
  return {
    async forUnit(
      unitCode: string | null,
      month: Month,
      today: IsoDate,
      options: { deadlineDay: number; timeZone: string },
    ): Promise<ReportingRatesAnswer> {
      const db = laggingReads();
      const fiscalYear = fiscalYearOf(`${month}-01`);
      const target =
        unitCode === null
          ? Prisma.sql`SELECT id, code, name FROM org_unit WHERE parent_id IS NULL ORDER BY id LIMIT 1`
          : Prisma.sql`SELECT id, code, name FROM org_unit WHERE code = ${unitCode}`;
      const [unit] = await db.$queryRaw<{ id: number; code: string; name: string }[]>`${target}`;
      if (!unit) throw notFound("unit", unitCode ?? "(root)", "หน่วยงาน");
      // the fiscal year's months up to the chosen one (and not past today's)
      const months: Month[] = [];
      for (let m = `${fiscalYear - 544}-10`; m <= month && `${m}-01` <= today; ) {
        months.push(m);
        const [y, n] = m.split("-").map(Number) as [number, number];
        m = n === 12 ? `${y + 1}-01` : `${y}-${String(n + 1).padStart(2, "0")}`;
      }
      if (!months.includes(month)) months.push(month);
      const bounds = months.map(monthBounds);
      const deadlines = months.map((m) => reportingDeadline(m, options.deadlineDay));
      const rows = await db.$queryRaw<CountRow[]>`
        WITH RECURSIVE groups AS (
          SELECT id, id AS group_id FROM org_unit WHERE parent_id = ${unit.id}
          UNION ALL
          SELECT u.id, g.group_id FROM org_unit u JOIN groups g ON u.parent_id = g.id
        ),
        grouped AS (
          SELECT ${unit.id}::int AS id, ${unit.id}::int AS group_id
          UNION ALL SELECT id, group_id FROM groups
        ),
        months AS (
          SELECT * FROM unnest(${months}::text[], ${bounds.map((b) => b.start)}::date[],
            ${bounds.map((b) => b.end)}::date[], ${deadlines}::date[]) AS m(month, start_day, end_day, deadline)
        ),
        active AS (
          SELECT m.month, m.start_day, m.end_day, m.deadline, p.id, gr.group_id
          FROM months m
          JOIN project p ON p.fiscal_year = ${fiscalYear} AND p.deleted_at IS NULL
          JOIN grouped gr ON gr.id = p.unit_id
          WHERE NOT EXISTS (SELECT 1 FROM progress_report d WHERE d.project_id = p.id AND d.deleted_at IS NULL
            AND d.report_date < m.start_day AND d.percent >= 100)
        ),
        firsts AS (
          SELECT a.month, a.group_id, a.deadline,
            (SELECT MIN((r.created_at AT TIME ZONE ${options.timeZone})::date) FROM progress_report r
              WHERE r.project_id = a.id AND r.deleted_at IS NULL AND r.report_date BETWEEN a.start_day AND a.end_day)
              AS written_on
          FROM active a
        )
        SELECT month, group_id, COUNT(*) AS expected, COUNT(written_on) AS reported,
          COUNT(*) FILTER (WHERE written_on <= deadline) AS on_time
        FROM firsts
        GROUP BY GROUPING SETS ((month, group_id), (month))`;
      const children = await db.orgUnit.findMany({
        where: { OR: [{ parentId: unit.id }, { id: unit.id }] },
        select: { id: true, code: true, name: true, nameSortKey: true },
        orderBy: { nameSortKey: "asc" },
      });
      const of = (m: Month, groupId: number | null) => rows.find((row) => row.month === m && row.group_id === groupId);
      return {
        fiscalYear,
        month,
        deadline: reportingDeadline(month, options.deadlineDay),
        unit: { code: unit.code, name: unit.name },
        totals: counts(of(month, null)),
        units: children
          .filter((child) => child.id !== unit.id || of(month, unit.id))
          .map((child) => ({ unitCode: child.code, unitName: child.name, ...counts(of(month, child.id)) })),
        trend: months.map((m) => ({
          month: m,
          deadline: reportingDeadline(m, options.deadlineDay),
          ...counts(of(m, null)),
        })),
      };
    },
  };
}
