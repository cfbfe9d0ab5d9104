import type { PrismaClient } from "../../generated/prisma/client";
import { ensureFiscalYear } from "../../repositories/lookups";
import { REFERENCE_PROJECT, seedReferenceProject } from "../seed/reference-project";
import { seedStrategyAndPolicies } from "../seed/strategy";
import { seedUnits } from "../seed/units";
import { seedDemoUsers } from "../seed/users";

export interface BaseData {
  goalIds: number[];
  policyCodes: string[];
}

/**
 * What every generated database starts from, as the demo has it: the fiscal years, the city and
 * its known units, the demo sign-ins, the strategic plan and policies, and the reference project.
 */
export async function seedBaseData(prisma: PrismaClient, fiscalYears: number[]): Promise<BaseData> {
  return prisma.$transaction(
    async (tx) => {
      for (const year of new Set([...fiscalYears, REFERENCE_PROJECT.fiscalYear])) await ensureFiscalYear(tx, year);
      const unitIds = await seedUnits(tx);
      await seedDemoUsers(tx, unitIds);
      const goalCodes = await seedStrategyAndPolicies(tx);
      await seedReferenceProject(tx, unitIds);
      const goals = await tx.strategyNode.findMany({
        where: { code: { in: goalCodes } },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      const policies = await tx.policy.findMany({ select: { code: true }, orderBy: { code: "asc" } });
      return { goalIds: goals.map((goal) => goal.id), policyCodes: policies.map((policy) => policy.code) };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
