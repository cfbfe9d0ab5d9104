import type { PendingEvaluationPage, ProjectChoices } from "@cpm/schema";
import type { Quarter } from "@cpm/schema/rules";
import type { PrismaClient } from "../generated/prisma/client";
import { notFound } from "../lib/problems";

interface PendingRow {
  code: string;
  name: string;
  unit_code: string;
  unit_name: string;
  progress: string | null;
  last_report_date: string | null;
  version: number;
  total: bigint;
}

/** Lists a user's day starts from: what awaits scoring, and what a project can be linked to. */
export function workListsRepository(prisma: PrismaClient) {
  return {
    /** Live projects of a fiscal year (of a unit and its sub-units) with no evaluation for the quarter, in code order. */
    async pendingEvaluations(query: {
      fiscalYear: number;
      quarter: Quarter;
      unit?: string;
      page: number;
      pageSize: number;
    }): Promise<PendingEvaluationPage> {
      const unitId = query.unit
        ? (await prisma.orgUnit.findUnique({ where: { code: query.unit }, select: { id: true } }))?.id
        : null;
      if (unitId === undefined) throw notFound("unit", query.unit ?? "", "หน่วยงาน");
      const rows = await prisma.$queryRaw<PendingRow[]>`
        WITH RECURSIVE subtree AS (
          SELECT id FROM org_unit WHERE id = ${unitId}
          UNION ALL
          SELECT u.id FROM org_unit u JOIN subtree s ON u.parent_id = s.id
        )
        SELECT p.code, p.name, u.code AS unit_code, u.name AS unit_name, f.progress::text AS progress,
          to_char(f.last_report_date, 'YYYY-MM-DD') AS last_report_date, p.version, count(*) OVER () AS total
        FROM project p
        JOIN org_unit u ON u.id = p.unit_id
        LEFT JOIN project_figures f ON f.project_id = p.id
        WHERE p.deleted_at IS NULL AND p.fiscal_year = ${query.fiscalYear}
          AND (${unitId}::int IS NULL OR p.unit_id IN (SELECT id FROM subtree))
          AND NOT EXISTS (SELECT 1 FROM quarter_evaluation e WHERE e.project_id = p.id AND e.quarter = ${query.quarter})
        ORDER BY u.code, p.serial
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
      return {
        fiscalYear: query.fiscalYear,
        quarter: query.quarter,
        items: rows.map((row) => ({
          code: row.code,
          name: row.name,
          unitCode: row.unit_code,
          unitName: row.unit_name,
          progress: row.progress === null ? null : Number(row.progress),
          lastReportDate: row.last_report_date,
          version: row.version,
        })),
        total: Number(rows[0]?.total ?? 0),
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** The governor's policies in code order, and the strategy's goals with their pillar and dimension. */
    async projectChoices(): Promise<ProjectChoices> {
      const [policies, goals] = await Promise.all([
        prisma.policy.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } }),
        prisma.strategyNode.findMany({
          where: { level: "goal" },
          select: { code: true, name: true, parent: { select: { name: true, parent: { select: { name: true } } } } },
          orderBy: { code: "asc" },
        }),
      ]);
      return {
        policies,
        strategyGoals: goals.map((goal) => ({
          code: goal.code,
          name: goal.name,
          path: [goal.parent?.parent?.name, goal.parent?.name, goal.name].filter(Boolean).join(" › "),
        })),
      };
    },
  };
}

export type WorkListsRepository = ReturnType<typeof workListsRepository>;
