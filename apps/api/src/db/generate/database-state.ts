import type { PrismaClient } from "../../generated/prisma/client";
import { quoteIdent } from "./sql-encoding";
import { SEQUENCED_TABLES, type SequencedTable } from "./tables";

/** What already lives in the database: a load goes only into an empty one, or with --replace. */
export async function existingData(prisma: PrismaClient): Promise<{ projects: number; units: number; users: number }> {
  const [row] = await prisma.$queryRawUnsafe<{ projects: number; units: number; users: number }[]>(
    `SELECT (SELECT count(*) FROM project)::int AS projects,
            (SELECT count(*) FROM org_unit)::int AS units,
            (SELECT count(*) FROM app_user)::int AS users`,
  );
  return row ?? { projects: 0, units: 0, users: 0 };
}

/**
 * Empty every table but Prisma's migration bookkeeping: the data, and the figures kept from it.
 * (No migration inserts rows of its own, so nothing the schema needs is lost.)
 */
export async function emptyAllTables(prisma: PrismaClient): Promise<string[]> {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename::text AS name FROM pg_tables
      WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
      ORDER BY tablename`,
  );
  const names = tables.map((table) => table.name);
  if (names.length > 0) {
    await prisma.$executeRawUnsafe(`TRUNCATE ${names.map(quoteIdent).join(", ")} RESTART IDENTITY CASCADE`);
  }
  return names;
}

/** The first free id of each table whose ids the generator assigns. */
export async function nextIds(prisma: PrismaClient): Promise<Record<SequencedTable, number>> {
  const columns = SEQUENCED_TABLES.map(
    (table) => `(SELECT coalesce(max(id), 0) + 1 FROM ${quoteIdent(table)})::int AS ${quoteIdent(table)}`,
  );
  const [row] = await prisma.$queryRawUnsafe<Record<SequencedTable, number>[]>(`SELECT ${columns.join(", ")}`);
  if (!row) throw new Error("Could not read the tables' ids");
  return row;
}

/** Move each id sequence past the ids the generator wrote, so the app's next insert gets a free one. */
export async function moveSequencesPastIds(prisma: PrismaClient): Promise<void> {
  for (const table of SEQUENCED_TABLES) {
    await prisma.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('${quoteIdent(table)}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${quoteIdent(table)}`,
    );
  }
}

/** Row counts of the given tables. */
export async function countRows(prisma: PrismaClient, tables: readonly string[]): Promise<Record<string, number>> {
  const columns = tables.map((table) => `(SELECT count(*) FROM ${quoteIdent(table)})::int AS ${quoteIdent(table)}`);
  const [row] = await prisma.$queryRawUnsafe<Record<string, number>[]>(`SELECT ${columns.join(", ")}`);
  return row ?? {};
}
