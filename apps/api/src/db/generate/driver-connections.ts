import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { PrismaClient } from "../../generated/prisma/client";

/**
 * The driver behind the app's Prisma client, for the bulk paths Prisma has no API for (COPY).
 * Prisma keeps the driver adapter factory it was given in `_engineConfig.adapter`: adapter-pg's
 * keeps its pool config as `config`, pglite-prisma-adapter's keeps the PGlite instance as `client`.
 * Both are read defensively; a caller can always name the server explicitly instead.
 */
function adapterOf(prisma: PrismaClient): Record<string, unknown> | undefined {
  const engine = (prisma as unknown as { _engineConfig?: { adapter?: unknown } })._engineConfig;
  const adapter = engine?.adapter;
  return adapter && typeof adapter === "object" ? (adapter as Record<string, unknown>) : undefined;
}

/** The PGlite instance the client runs on, if it can be found. */
export function pgliteOf(prisma: PrismaClient): PGlite | undefined {
  const client = adapterOf(prisma)?.client;
  return client instanceof PGlite ? client : undefined;
}

/** The connection settings of the PostgreSQL server the client runs on, if they can be found. */
export function postgresConfigOf(prisma: PrismaClient): pg.ClientConfig | undefined {
  const config = adapterOf(prisma)?.config;
  if (!config || typeof config !== "object") return undefined;
  const { connectionString, host, port, user, password, database, ssl } = config as pg.ClientConfig;
  if (!connectionString && !host) return undefined;
  return { connectionString, host, port, user, password, database, ssl };
}

interface ServerIdentity {
  database: string;
  port: number | null;
  started: string;
}

const IDENTITY_SQL = `SELECT current_database()::text AS database, inet_server_port() AS port, pg_postmaster_start_time()::text AS started`;

/** Refuse to COPY into a different database than the one the Prisma client (and the checks) use. */
export async function checkSameServer(prisma: PrismaClient, config: pg.ClientConfig): Promise<void> {
  const [viaPrisma] = await prisma.$queryRawUnsafe<ServerIdentity[]>(IDENTITY_SQL);
  const client = new pg.Client(config);
  await client.connect();
  try {
    const { rows } = await client.query<ServerIdentity>(IDENTITY_SQL);
    const direct = rows[0];
    if (
      !viaPrisma ||
      !direct ||
      viaPrisma.database !== direct.database ||
      viaPrisma.port !== direct.port ||
      viaPrisma.started !== direct.started
    ) {
      throw new Error(
        `The server to COPY into (database ${direct?.database}) is not the one the app's client uses (${viaPrisma?.database})`,
      );
    }
  } finally {
    await client.end();
  }
}
