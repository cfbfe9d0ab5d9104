import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { dumpPglite } from "./backup";
import { lockDataDir } from "./data-dir-lock";

/** One connection for raw SQL outside Prisma (migrations): scripts run whole, not split on semicolons. */
export interface SqlSession {
  /** Run SQL of one or more statements as one simple-protocol query (DO $$ … $$ bodies included). */
  exec(sql: string): Promise<void>;
  /** One statement with $1, $2 … parameters. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database {
  /** The primary: every write, and every read that must see the latest data. */
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** Where the data lives, for logs: the data directory or the server (without credentials). */
  location: string;
  /** The read replicas (host:port/db), empty without DATABASE_REPLICA_URLS. */
  replicas: string[];
  /**
   * For reads that may be a few seconds behind (dashboards, lists, exports): a read replica
   * (round-robin, one per request) when the current request may read lagging data, else the primary.
   * Outside a request (jobs, scripts), and without replicas, always the primary. A replica that
   * fails is answered by the primary instead, and skipped for a few seconds.
   */
  laggingReads(): PrismaClient;
  /** Run a function on one dedicated connection to the primary (a session: advisory locks hold). */
  withSqlSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** A plain SQL dump of the embedded database, consistent while it serves (see backup.ts); PGlite only. */
  dump?(): Promise<string>;
  /** The primary's connection pool, for metrics: a PostgreSQL server only (PGlite is one connection). */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/** What the current request may read from; set per request by the read-routing plugin. */
export interface ReadRoute {
  /** a GET/HEAD from a client that has not written recently */
  mayLag: boolean;
  /** the replica chosen for this request, once a lagging read asked for one */
  replica?: number;
}

const readRoutes = new AsyncLocalStorage<ReadRoute>();

/** Run `fn` (and everything it starts) with the given read route. */
export const withReadRoute = <T>(route: ReadRoute, fn: () => T): T => readRoutes.run(route, fn);

/** The read route of the current request, if any. */
export const currentReadRoute = (): ReadRoute | undefined => readRoutes.getStore();

/** A replica that failed is skipped for this long, then tried again by the next lagging read. */
export const REPLICA_RETRY_AFTER_MS = 5_000;
/** A replica that does not accept a connection within this time counts as failed. */
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  replicaUrls?: string[];
}): Promise<Database> {
  const replicaUrls = options.replicaUrls ?? [];
  if (options.databaseUrl) return openServer(options.databaseUrl, replicaUrls);
  if (replicaUrls.length > 0) {
    throw new Error(
      "Read replicas (DATABASE_REPLICA_URLS) need a PostgreSQL primary in DATABASE_URL; the embedded database is single-process",
    );
  }
  const unlock = lockDataDir(options.dataDir);
  try {
    const pglite = await PGlite.create(path.join(options.dataDir, "pglite"), { extensions: { pg_trgm } });
    // pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils; the protocol is the same
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) as unknown as PrismaPg });
    const session: SqlSession = {
      exec: async (sql) => void (await pglite.exec(sql)),
      query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    };
    return {
      prisma,
      kind: "pglite",
      location: options.dataDir,
      replicas: [],
      laggingReads: () => prisma,
      // PGlite is one connection: the session is the instance itself
      withSqlSession: (fn) => fn(session),
      dump: () => dumpPglite(pglite),
      async close() {
        await prisma.$disconnect();
        await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

const describeUrl = (databaseUrl: string) => {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
};

/** The adapter factory type PrismaClient takes, and the adapter it connects. */
type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;
type Adapter = Awaited<ReturnType<AdapterFactory["connect"]>>;

/**
 * Every connection runs without JIT compilation: the app's statements take milliseconds, and
 * PostgreSQL 15 (jit=on by default) spent up to a second compiling the heavier ones.
 */
const SESSION_OPTIONS = "-c jit=off";

async function openServer(databaseUrl: string, replicaUrls: string[]): Promise<Database> {
  const primaryPool = new pg.Pool({ connectionString: databaseUrl, options: SESSION_OPTIONS });
  // an idle connection dropped by the server must not crash the process; the next query reconnects
  primaryPool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(primaryPool) });

  const replicaPools = replicaUrls.map((url) => {
    const pool = new pg.Pool({
      connectionString: url,
      connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS,
      options: SESSION_OPTIONS,
    });
    pool.on("error", () => {});
    return pool;
  });
  const downUntil = replicaUrls.map(() => 0);
  const replicas = replicaPools.map(
    (pool, index) =>
      new PrismaClient({
        adapter: withPrimaryFallback(new PrismaPg(pool), new PrismaPg(primaryPool), () => {
          downUntil[index] = Date.now() + REPLICA_RETRY_AFTER_MS;
          const route = currentReadRoute();
          if (route) route.mayLag = false;
        }),
      }),
  );
  let next = 0;

  return {
    prisma,
    kind: "postgres",
    location: describeUrl(databaseUrl),
    replicas: replicaUrls.map(describeUrl),
    laggingReads() {
      const route = currentReadRoute();
      if (!route?.mayLag || replicas.length === 0) return prisma;
      if (route.replica === undefined || downUntil[route.replica]! > Date.now()) {
        const now = Date.now();
        const up = replicas.map((_, i) => (next + i) % replicas.length).find((i) => downUntil[i]! <= now);
        if (up === undefined) {
          route.mayLag = false;
          return prisma;
        }
        next = (up + 1) % replicas.length;
        route.replica = up;
      }
      return replicas[route.replica]!;
    },
    async withSqlSession(fn) {
      const client = await primaryPool.connect();
      let broken: Error | undefined;
      try {
        // without parameters, pg sends a simple query: several statements run as one script
        return await fn({
          exec: async (sql) => void (await client.query(sql)),
          query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
        });
      } catch (error) {
        broken = error as Error;
        throw error;
      } finally {
        // a session that failed may hold locks or an open transaction: close it rather than reuse it
        client.release(broken ?? false);
      }
    },
    poolStats: () => ({
      total: primaryPool.totalCount,
      idle: primaryPool.idleCount,
      waiting: primaryPool.waitingCount,
    }),
    async close() {
      await Promise.all(replicas.map((replica) => replica.$disconnect()));
      await prisma.$disconnect();
      await Promise.all(replicaPools.map((pool) => pool.end()));
      await primaryPool.end();
    },
  };
}

/** SQLSTATE of a driver error as adapter-pg wraps it (or of a plain pg error). */
function sqlStateOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { originalCode?: unknown; code?: unknown } };
  const code = e?.cause?.originalCode ?? e?.cause?.code ?? e?.code;
  return typeof code === "string" ? code : undefined;
}

/** A write sent to a replica: a bug in the caller, which must not be hidden by running it on the primary. */
const READ_ONLY_TRANSACTION = "25006";

/**
 * A replica's adapter that answers from the primary when the replica fails (unreachable, closed,
 * not yet replayed a migration, canceled by recovery …). A write sent to it still fails.
 */
function withPrimaryFallback(replica: AdapterFactory, primary: AdapterFactory, onFailover: () => void): AdapterFactory {
  return {
    provider: replica.provider,
    adapterName: replica.adapterName,
    async connect(): Promise<Adapter> {
      const [onReplica, onPrimary] = await Promise.all([replica.connect(), primary.connect()]);
      const run = async <T>(use: (adapter: Adapter) => Promise<T>): Promise<T> => {
        try {
          return await use(onReplica);
        } catch (error) {
          if (sqlStateOf(error) === READ_ONLY_TRANSACTION) throw error; // e.g. INSERT … RETURNING
          const answer = await use(onPrimary);
          // the primary answered where the replica did not: skip the replica for a while
          onFailover();
          return answer;
        }
      };
      return {
        provider: onReplica.provider,
        adapterName: onReplica.adapterName,
        queryRaw: (query) => run((adapter) => adapter.queryRaw(query)),
        // writes have no business on a replica: they fail there, never silently move to the primary
        executeRaw: (query) => onReplica.executeRaw(query),
        executeScript: (script) => onReplica.executeScript(script),
        startTransaction: (isolationLevel) => run((adapter) => adapter.startTransaction(isolationLevel)),
        getConnectionInfo: () => onReplica.getConnectionInfo?.() ?? { supportsRelationJoins: true },
        async dispose() {
          await onReplica.dispose();
          await onPrimary.dispose();
        },
      };
    },
  };
}
