import type { Database } from "../../src/db/database";

// written on a successful authentication, even when the request is then refused
const VOLATILE_COLUMNS = ["last_seen_at", "last_used_at"];

/**
 * A hash of every row of every table of the application (small test databases only): equal
 * before and after a request means the request changed nothing that is stored.
 */
export async function databaseFingerprint(db: Database): Promise<Record<string, string>> {
  const tables = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
     ORDER BY tablename`,
  );
  const drop = VOLATILE_COLUMNS.map((c) => ` - '${c}'`).join("");
  const parts = tables.map(
    ({ name }) =>
      `SELECT '${name}' AS name, md5(COALESCE(string_agg((to_jsonb(t)${drop})::text, ',' ORDER BY (to_jsonb(t)${drop})::text), '')) AS hash FROM "${name}" t`,
  );
  const rows = await db.prisma.$queryRawUnsafe<{ name: string; hash: string }[]>(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((row) => [row.name, row.hash]));
}
