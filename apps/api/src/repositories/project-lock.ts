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
  // one round trip on the way that counts: check the version and bump it (the row stays locked)
  const rows = await tx.$queryRaw<{ id: number; unit_id: number; fiscal_year: number; version: number }[]>`
    UPDATE project SET version = version + 1, updated_at = now()
    WHERE code = ${code} AND deleted_at IS NULL AND (${expectedVersion ?? null}::int IS NULL OR version = ${expectedVersion ?? null}::int)
    RETURNING id, unit_id, fiscal_year, version`;
  const row = rows[0];
  if (!row) {
    const current = await tx.$queryRaw<{ version: number }[]>`
      SELECT version FROM project WHERE code = ${code} AND deleted_at IS NULL`;
    if (!current[0]) throw notFound("project", code, "โครงการ");
    throw preconditionFailed(current[0].version);
  }
  return { id: row.id, unitId: row.unit_id, fiscalYear: row.fiscal_year, version: row.version };
}
