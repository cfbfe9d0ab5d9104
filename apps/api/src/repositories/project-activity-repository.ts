import type {
  EvaluationInput,
  PlanInput,
  ProgressReport,
  QuarterEvaluation,
  ReportInput,
  ReportPatch,
} from "@cpm/schema";
import type { IsoDate, Quarter } from "@cpm/schema/rules";
import type { PrismaClient } from "../generated/prisma/client";
import { toDbDate, toDbDateOrNull } from "../lib/dates";
import { invalid, notFound } from "../lib/problems";
import { lockProjectForWrite } from "./project-lock";
import { toEvaluation, toProgressReports } from "./project-mappers";

const futureDate = (today: IsoDate) =>
  invalid("reportDate", "futureDate", {
    th: `วันที่รายงานต้องไม่เกินวันนี้ (${today})`,
    en: `A report cannot be dated after today (${today})`,
  });

/** Writes beneath a project: its plan, its monthly reports, its quarterly evaluations. */
export function projectActivityRepository(prisma: PrismaClient) {
  return {
    /** Replace the whole plan atomically; the schema has already checked that the weights sum to 100. */
    async replacePlan(code: string, plan: PlanInput, expectedVersion: number | undefined) {
      await prisma.$transaction(async (tx) => {
        const project = await lockProjectForWrite(tx, code, expectedVersion);
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
      });
    },

    async addReport(code: string, input: ReportInput, today: IsoDate, expectedVersion: number | undefined) {
      if (input.reportDate > today) throw futureDate(today);
      return prisma.$transaction(async (tx) => {
        const project = await lockProjectForWrite(tx, code, expectedVersion);
        const row = await tx.progressReport.create({
          data: { ...input, projectId: project.id, reportDate: toDbDate(input.reportDate) },
        });
        return reportWithContext(tx, project.id, row.id);
      });
    },

    async updateReport(
      code: string,
      id: number,
      patch: ReportPatch,
      today: IsoDate,
      expectedVersion: number | undefined,
    ) {
      if (patch.reportDate && patch.reportDate > today) throw futureDate(today);
      return prisma.$transaction(async (tx) => {
        const project = await lockProjectForWrite(tx, code, expectedVersion);
        const existing = await tx.progressReport.findFirst({ where: { id, projectId: project.id, deletedAt: null } });
        if (!existing) throw notFound("report", String(id), "รายงานผลการดำเนินงาน");
        await tx.progressReport.update({
          where: { id },
          data: { ...patch, reportDate: patch.reportDate ? toDbDate(patch.reportDate) : undefined },
        });
        return reportWithContext(tx, project.id, id);
      });
    },

    async deleteReport(code: string, id: number, expectedVersion: number | undefined) {
      await prisma.$transaction(async (tx) => {
        const project = await lockProjectForWrite(tx, code, expectedVersion);
        const result = await tx.progressReport.updateMany({
          where: { id, projectId: project.id, deletedAt: null },
          data: { deletedAt: new Date() },
        });
        if (result.count === 0) throw notFound("report", String(id), "รายงานผลการดำเนินงาน");
      });
    },

    async putEvaluation(
      code: string,
      quarter: Quarter,
      input: EvaluationInput,
      expectedVersion: number | undefined,
    ): Promise<QuarterEvaluation> {
      return prisma.$transaction(async (tx) => {
        const project = await lockProjectForWrite(tx, code, expectedVersion);
        const row = await tx.quarterEvaluation.upsert({
          where: { projectId_quarter: { projectId: project.id, quarter } },
          create: { projectId: project.id, quarter, ...input },
          update: input,
        });
        return toEvaluation(row);
      });
    },
  };
}

/** A report as the detail shows it: its quarter and whether it drops below the report before it. */
async function reportWithContext(
  tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0],
  projectId: number,
  id: number,
): Promise<ProgressReport> {
  const rows = await tx.progressReport.findMany({ where: { projectId, deletedAt: null } });
  return toProgressReports(rows).find((report) => report.id === id) as ProgressReport;
}

export type ProjectActivityRepository = ReturnType<typeof projectActivityRepository>;
