import { readFileSync } from "node:fs";
import path from "node:path";
import type { Prisma } from "../../generated/prisma/client";
import { toDbDate } from "../../lib/dates";
import { nameColumns } from "../../lib/text-columns";
import { layout } from "../../runtime/layout";

/** Project 50450000-3247 exactly as on the legacy page (shared/reference), texts byte for byte. */
export const REFERENCE_PROJECT = JSON.parse(
  readFileSync(path.join(layout.seedDir, "reference-project.json"), "utf8"),
) as {
  code: string;
  unitCode: string;
  fiscalYear: number;
  name: string;
  responsibleOfficer: string;
  responsibleUnitCode: string;
  budgetUnitCode: string;
  rationale: string;
  objectives: string;
  targets: string;
  steps: { order: number; name: string; weight: number; plannedStart: string; plannedEnd: string }[];
  reports: { reportDate: string; percent: number; narrative: string; problems: string; obstacles: string }[];
  evaluations: { quarter: number; score: number }[];
  indicator: {
    code: string;
    name: string;
    measureUnit: string;
    measureType: "number" | "percent" | "level";
    target: number;
    achieved: number;
    type: "strategic" | "routine";
    resultLevel: "output" | "outcome";
    quarters: { quarter: number; value: number; score21: number; score22: number }[];
  };
};

export async function seedReferenceProject(tx: Prisma.TransactionClient, unitIds: Map<string, number>) {
  const ref = REFERENCE_PROJECT;
  const unitId = unitIds.get(ref.unitCode) as number;
  const project = await tx.project.create({
    data: {
      code: ref.code,
      serial: Number(ref.code.split("-")[1]),
      unitId,
      fiscalYear: ref.fiscalYear,
      name: ref.name,
      ...nameColumns(ref.name),
      responsibleOfficer: ref.responsibleOfficer,
      responsibleUnitId: unitIds.get(ref.responsibleUnitCode) ?? null,
      budgetUnitId: unitIds.get(ref.budgetUnitCode) ?? null,
      rationale: ref.rationale,
      objectives: ref.objectives,
      targets: ref.targets,
      steps: {
        create: ref.steps.map((step) => ({
          order: step.order,
          name: step.name,
          weight: step.weight,
          plannedStart: toDbDate(step.plannedStart),
          plannedEnd: toDbDate(step.plannedEnd),
          completion: 100,
        })),
      },
      evaluations: { create: ref.evaluations },
    },
  });
  // One at a time, oldest first, so ids follow the order the reports were entered.
  for (const report of ref.reports) {
    await tx.progressReport.create({
      data: {
        projectId: project.id,
        reportDate: toDbDate(report.reportDate),
        percent: report.percent,
        narrative: report.narrative,
        problems: report.problems,
        obstacles: report.obstacles,
      },
    });
  }
  const { quarters, ...indicator } = ref.indicator;
  await tx.indicator.create({
    data: {
      ...indicator,
      unitId,
      fiscalYear: ref.fiscalYear,
      quarters: { create: quarters },
      projects: { create: [{ projectId: project.id }] },
    },
  });
}
