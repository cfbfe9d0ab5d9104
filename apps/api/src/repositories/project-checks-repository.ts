import type { CheckCounts, ProjectCheckList } from "@cpm/schema";
import { CHECK_CODES, type CheckedProject, checkMessage, type IsoDate, projectChecks } from "@cpm/schema/rules";
import { actorColumns } from "../auth/actor";
import type { PrismaClient } from "../generated/prisma/client";
import { notFound } from "../lib/problems";
import { type ChangeContext, recordAudit } from "./audit";

const projectSelect = {
  id: true,
  code: true,
  unitId: true,
  fiscalYear: true,
  budgetAllocated: true,
  budgetSpent: true,
  reports: { where: { deletedAt: null }, select: { id: true, reportDate: true, percent: true } },
  steps: { select: { name: true, completion: true } },
} as const;

type Row = {
  id: number;
  fiscalYear: number;
  budgetAllocated: unknown;
  budgetSpent: unknown;
  reports: { id: number; reportDate: Date; percent: unknown }[];
  steps: { name: string; completion: unknown }[];
};

const checked = (row: Row): CheckedProject => ({
  fiscalYear: row.fiscalYear,
  reports: row.reports.map((r) => ({
    id: r.id,
    reportDate: r.reportDate.toISOString().slice(0, 10),
    percent: Number(r.percent),
  })),
  steps: row.steps.map((s) => ({ name: s.name, completion: Number(s.completion) })),
  budgetAllocated: row.budgetAllocated === null ? null : Number(row.budgetAllocated),
  budgetSpent: row.budgetSpent === null ? null : Number(row.budgetSpent),
});

/** Checks with explanations (rules/project-checks.ts): a project's warnings, the officers' answers, counts per unit. */
export function projectChecksRepository(prisma: PrismaClient) {
  async function projectOf(code: string) {
    const row = await prisma.project.findFirst({ where: { code, deletedAt: null }, select: projectSelect });
    if (!row) throw notFound("project", code, "โครงการ");
    return row;
  }

  return {
    async forProject(code: string, today: IsoDate): Promise<ProjectCheckList> {
      const row = await projectOf(code);
      const explanations = await prisma.checkExplanation.findMany({ where: { projectId: row.id } });
      return {
        asOf: today,
        warnings: projectChecks(checked(row), today).map((warning) => {
          const answer = explanations.find((e) => e.checkKey === warning.key);
          return {
            ...warning,
            message: checkMessage(warning),
            explanation: answer ? { text: answer.text, by: answer.by, at: answer.at.toISOString() } : null,
          };
        }),
      };
    },

    /** An officer answers a warning the project has now (404 for one it has not), audited in the same transaction. */
    async explain(code: string, key: string, text: string, today: IsoDate, change: ChangeContext) {
      const row = await projectOf(code);
      if (!projectChecks(checked(row), today).some((w) => w.key === key)) {
        throw notFound("warning", `${code} ${key}`, "คำเตือน");
      }
      const by = actorColumns(change.actor).actorLabel;
      await prisma.$transaction(async (tx) => {
        const before = await tx.checkExplanation.findUnique({
          where: { projectId_checkKey: { projectId: row.id, checkKey: key } },
        });
        await tx.checkExplanation.upsert({
          where: { projectId_checkKey: { projectId: row.id, checkKey: key } },
          create: { projectId: row.id, checkKey: key, text, by },
          update: { text, by, at: new Date() },
        });
        await recordAudit(tx, change, {
          action: "check.explain",
          entityType: "project",
          entityKey: code,
          projectId: row.id,
          before: before ? { checkKey: key, text: before.text } : undefined,
          after: { checkKey: key, text },
        });
      });
      return this.forProject(code, today);
    },

    /** Projects of the year with each kind of warning, per child unit (with its subtree) and in total. */
    async counts(unitCode: string | null, fiscalYear: number, today: IsoDate): Promise<CheckCounts> {
      const unit = unitCode
        ? await prisma.orgUnit.findUnique({ where: { code: unitCode } })
        : await prisma.orgUnit.findFirst({ where: { parentId: null }, orderBy: { id: "asc" } });
      if (!unit) throw notFound("unit", unitCode ?? "(root)", "หน่วยงาน");
      const units = await prisma.orgUnit.findMany({ select: { id: true, parentId: true } });
      const children = await prisma.orgUnit.findMany({
        where: { OR: [{ parentId: unit.id }, { id: unit.id }] },
        orderBy: { nameSortKey: "asc" },
      });
      // each unit of the subtree rolls up to the child it lies under (the unit itself for its own projects)
      const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
      const groupFor = (id: number): number | null => {
        for (let at: number | null = id; at !== null; at = parentOf.get(at) ?? null) {
          if (at === unit.id) return unit.id;
          if (parentOf.get(at) === unit.id) return at;
        }
        return null;
      };
      const groupOf = new Map<number, number>();
      for (const u of units) {
        const group = groupFor(u.id);
        if (group !== null) groupOf.set(u.id, group);
      }
      const projects = await prisma.project.findMany({
        where: { fiscalYear, deletedAt: null, unitId: { in: [...groupOf.keys()] } },
        select: projectSelect,
      });
      const empty = () => ({
        projects: 0,
        withWarnings: 0,
        ...(Object.fromEntries(CHECK_CODES.map((c) => [c, 0])) as Record<(typeof CHECK_CODES)[number], number>),
      });
      const totals = empty();
      const byGroup = new Map<number, ReturnType<typeof empty>>();
      for (const project of projects) {
        const group = groupOf.get(project.unitId) as number;
        const row = byGroup.get(group) ?? empty();
        byGroup.set(group, row);
        const codes = new Set(projectChecks(checked(project), today).map((w) => w.code));
        for (const target of [row, totals]) {
          target.projects += 1;
          if (codes.size) target.withWarnings += 1;
          for (const code of codes) target[code] += 1;
        }
      }
      return {
        fiscalYear,
        asOf: today,
        totals,
        units: children
          .filter((child) => child.id !== unit.id || byGroup.has(unit.id))
          .map((child) => ({ unitCode: child.code, unitName: child.name, ...(byGroup.get(child.id) ?? empty()) })),
      };
    },
  };
}
