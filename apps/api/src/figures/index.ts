import type { IsoDate } from "@cpm/schema/rules";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * Rebuild every kept figure (per project, per unit, per frozen month) from the data, as of `today`.
 * Called after a bulk load (data generator, demo seed) and by the calendar job's catch-up.
 */
export async function rebuildAllFigures(_prisma: PrismaClient, _today: IsoDate): Promise<void> {
  // implemented with the kept-figures tables (issue 7)
}
