import { fiscalQuarterOf, fiscalYearOf, type IsoDate } from "@cpm/schema/rules";
import { fakerTH as faker } from "@faker-js/faker";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { ensureFiscalYear } from "../../repositories/lookups";
import { createDemoProject } from "./demo-projects";
import { REFERENCE_PROJECT, seedReferenceProject } from "./reference-project";
import { seedStrategyAndPolicies } from "./strategy";
import { seedUnits } from "./units";
import { seedDemoUsers } from "./users";

export const DEMO_SEED = 2564;

/**
 * Demo data: the units, the reference project, and generated projects for every unit over the
 * current fiscal year (of `today`) and the two before. The same `today` gives the same data.
 */
export async function seedDemoData(prisma: PrismaClient, today: IsoDate): Promise<{ projects: number }> {
  faker.seed(DEMO_SEED);
  const current = fiscalYearOf(today);
  const years = [current - 2, current - 1, current];
  return prisma.$transaction(
    async (tx) => {
      for (const year of new Set([...years, REFERENCE_PROJECT.fiscalYear])) await ensureFiscalYear(tx, year);
      const unitIds = await seedUnits(tx);
      await seedDemoUsers(tx, unitIds);
      const goalCodes = await seedStrategyAndPolicies(tx);
      const goals = await tx.strategyNode.findMany({ where: { code: { in: goalCodes } }, select: { id: true } });
      await seedReferenceProject(tx, unitIds);
      const units = await tx.orgUnit.findMany({
        where: { kind: { in: ["department", "district"] } },
        orderBy: { code: "asc" },
      });
      let projects = 1;
      for (const unit of units) {
        let serial = 100;
        for (const fiscalYear of years) {
          const count = faker.number.int({ min: 3, max: 6 });
          const ids: number[] = [];
          for (let i = 0; i < count; i++) {
            ids.push(
              await createDemoProject(tx, {
                unitCode: unit.code,
                unitId: unit.id,
                unitName: unit.name,
                fiscalYear,
                today,
                serial: serial++,
                strategyGoalIds: goals.map((goal) => goal.id),
              }),
            );
          }
          projects += count;
          await createDemoIndicator(tx, unit, fiscalYear, ids, today);
        }
      }
      return { projects };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

async function createDemoIndicator(
  tx: Prisma.TransactionClient,
  unit: { id: number; code: string },
  fiscalYear: number,
  projectIds: number[],
  today: IsoDate,
) {
  const currentFy = fiscalYearOf(today);
  const quartersDone = fiscalYear < currentFy ? 4 : fiscalQuarterOf(today) - 1;
  const target = 5;
  const quarters = Array.from({ length: quartersDone }, (_, i) => ({
    quarter: i + 1,
    value: Math.min(target, i + 1 + faker.number.int({ min: 0, max: 1 })),
    score21: faker.helpers.arrayElement([80, 90, 100]),
    score22: faker.helpers.arrayElement([80, 90, 100]),
  }));
  await tx.indicator.create({
    data: {
      code: `${unit.code.slice(0, 4)}-${fiscalYear}`,
      unitId: unit.id,
      fiscalYear,
      name: "ระดับความสำเร็จของการดำเนินงานตามแผนปฏิบัติราชการประจำปี",
      measureUnit: "ระดับ",
      measureType: "level",
      target,
      achieved: quarters.at(-1)?.value ?? null,
      type: faker.datatype.boolean() ? "strategic" : "routine",
      resultLevel: faker.datatype.boolean() ? "output" : "outcome",
      quarters: { create: quarters },
      projects: { create: projectIds.slice(0, 2).map((projectId) => ({ projectId })) },
    },
  });
}
