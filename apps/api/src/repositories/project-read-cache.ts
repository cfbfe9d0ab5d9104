import { createHash } from "node:crypto";
import type { IsoDate } from "@cpm/schema/rules";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * What a project's detail depends on, read in one indexed lookup: the project's version (bumped by
 * every write to it, its plan, reports and evaluations) and the versions of the KPIs it shows.
 * With the day it is computed as of and who reads it (anonymous readers get no phone numbers), it
 * names one representation: the ETag, and the key of the cache below. Any process can validate a
 * cached copy against the database, so several API processes never serve a stale one.
 */
export interface DetailValidator {
  version: number;
  etag: string;
}

export async function detailValidator(
  prisma: PrismaClient,
  code: string,
  asOf: IsoDate,
  reader: "public" | "private",
): Promise<DetailValidator | null> {
  const rows = await prisma.$queryRaw<{ version: number; kpis: string }[]>`
    SELECT p.version, COALESCE((
      SELECT string_agg(i.id || ':' || i.version, ',' ORDER BY i.id)
      FROM project_indicator pi JOIN indicator i ON i.id = pi.indicator_id WHERE pi.project_id = p.id
    ), '') AS kpis
    FROM project p WHERE p.code = ${code} AND p.deleted_at IS NULL`;
  const row = rows[0];
  if (!row) return null;
  const fingerprint = createHash("sha256").update(`${asOf}|${row.kpis}|${reader}`).digest("base64url").slice(0, 16);
  // the version leads, so that If-Match with this ETag still names the version a writer read
  return { version: row.version, etag: `"${row.version}.${fingerprint}"` };
}
