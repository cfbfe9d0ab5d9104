import type { Prisma } from "../generated/prisma/client";
import { notFound, preconditionFailed } from "../lib/problems";

export interface LockedProject {
  id: number;
  unitId: number;
  fiscalYear: number;
  version: number;
}

/**
 * Lock a live project for a write inside a transaction, check the client's version (If-Match)
 * and bump it, so that two concurrent edits cannot both succeed against the same version.
 */
export async function lockProjectForWrite(
  tx: Prisma.TransactionClient,
  code: string,
  expectedVersion: number | undefined,
): Promise<LockedProject> {
  const rows = await tx.$queryRaw<{ id: number; unit_id: number; fiscal_year: number; version: number }[]>`
    SELECT id, unit_id, fiscal_year, version FROM project WHERE code = ${code} AND deleted_at IS NULL FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound("project", code, "โครงการ");
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw preconditionFailed(row.version);
  await tx.project.update({ where: { id: row.id }, data: { version: { increment: 1 } } });
  return { id: row.id, unitId: row.unit_id, fiscalYear: row.fiscal_year, version: row.version + 1 };
}
