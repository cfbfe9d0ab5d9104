// The baseline: a bare Fastify app with one route per benchmarked endpoint, each running one
// hand-written SQL statement (bench/baseline-sql.ts) that returns the response's JSON as text.
// No validation, no authentication, no ORM. Run as a child process by bench/run.ts:
//   BASELINE_DATABASE_URL=postgres://…  (a pg.Pool, named prepared statements)
//   or BASELINE_PGLITE_DIR=<data dir>  (its own PGlite instance on a copy of the data)
//   PORT, APP_TODAY
import path from "node:path";
import { fiscalYearSpan, type IsoDate, monthSpan, searchText } from "@cpm/schema/rules";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import Fastify, { type FastifyReply } from "fastify";
import pg from "pg";
import { CREATE_REPORT_SQL, DETAIL_SQL, dashboardSql, listSql } from "./baseline-sql";

/** Runs a statement whose single row has a `body` text column; null when it returns no row. */
interface Runner {
  body(name: string, text: string, values: unknown[]): Promise<string | null>;
  close(): Promise<void>;
}

function pgRunner(connectionString: string): Runner {
  // the same pool size as the app's PrismaPg adapter (pg's default); no JIT: compiling the
  // dashboards' expressions costs about a second per query on these machines, far more than running them
  const pool = new pg.Pool({ connectionString, max: 10, options: "-c jit=off" });
  pool.on("error", () => {});
  return {
    async body(name, text, values) {
      const result = await pool.query<{ body: string }>({ name, text, values });
      return result.rows[0]?.body ?? null;
    },
    close: () => pool.end(),
  };
}

/** A SQL literal of a parameter value (standard_conforming_strings: only quotes are doubled). */
const literal = (value: unknown) => `'${String(value).replaceAll("'", "''")}'`;

async function pgliteRunner(dataDir: string): Promise<Runner> {
  const db = await PGlite.create(path.join(dataDir, "pglite"), { extensions: { pg_trgm } });
  // PGlite has no named statements in its query API: PREPARE once, then EXECUTE with the values
  // as literals (EXECUTE takes no bind parameters), so that planning is not paid on every request
  const prepared = new Set<string>();
  return {
    async body(name, text, values) {
      if (!prepared.has(name)) {
        await db.exec(`PREPARE "${name}" AS ${text}`);
        prepared.add(name);
      }
      const result = await db.query<{ body: string }>(`EXECUTE "${name}"(${values.map(literal).join(", ")})`);
      return result.rows[0]?.body ?? null;
    },
    close: () => db.close(),
  };
}

const today: IsoDate = process.env.APP_TODAY ?? new Date().toISOString().slice(0, 10);
const month = monthSpan(today);
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const url = process.env.BASELINE_DATABASE_URL;
const pgliteDir = process.env.BASELINE_PGLITE_DIR;
if (!url && !pgliteDir) throw new Error("Set BASELINE_DATABASE_URL or BASELINE_PGLITE_DIR");
const runner = url ? pgRunner(url) : await pgliteRunner(pgliteDir as string);

const app = Fastify({ logger: false });

const json = (reply: FastifyReply, body: string | null, status = 200) =>
  body === null
    ? reply.status(404).type("application/json").send('{"status":404}')
    : reply.status(status).type("application/json; charset=utf-8").send(body);

type Query = Record<string, string | undefined>;

app.get("/health", async () => ({ ok: true }));

app.get<{ Params: { code: string } }>("/api/v1/projects/:code", async (request, reply) =>
  json(reply, await runner.body("detail", DETAIL_SQL, [request.params.code, today, month.start])),
);

app.get<{ Querystring: Query }>("/api/v1/projects", async (request, reply) => {
  const { fiscalYear, unit, q, page, pageSize } = request.query;
  const search = q ? searchText(q) : "";
  const filter = { unit: Boolean(unit), q: Boolean(search) };
  const values: unknown[] = [Number(fiscalYear), today, month.start, Number(pageSize ?? 20), Number(page ?? 1)];
  if (unit) values.push(unit);
  if (search) values.push(likePattern(search));
  const name = `list${filter.unit ? "-unit" : ""}${filter.q ? "-q" : ""}`;
  return json(reply, await runner.body(name, listSql(filter), values));
});

async function dashboard(reply: FastifyReply, scope: "unit" | "city", unitCode: string, query: Query) {
  const fiscalYear = Number(query.fiscalYear);
  const period = fiscalYearSpan(fiscalYear);
  const asOf = today < period.end ? today : period.end;
  const values = [unitCode, fiscalYear, asOf, monthSpan(asOf).start, period.start, period.end];
  return json(reply, await runner.body(`dashboard-${scope}`, dashboardSql(scope), values));
}

app.get<{ Params: { code: string }; Querystring: Query }>("/api/v1/units/:code/dashboard", async (request, reply) =>
  dashboard(reply, "unit", request.params.code, request.query),
);

app.get<{ Querystring: Query }>("/api/v1/dashboard", async (request, reply) =>
  dashboard(reply, "city", "", request.query),
);

interface ReportBody {
  reportDate: string;
  percent: number;
  narrative?: string;
  problems?: string;
  obstacles?: string;
}

app.post<{ Params: { code: string }; Body: ReportBody }>("/api/v1/projects/:code/reports", async (request, reply) => {
  const b = request.body;
  const values = [
    request.params.code,
    b.reportDate,
    b.percent,
    b.narrative ?? "",
    b.problems ?? "",
    b.obstacles ?? "",
    "baseline",
    request.id,
  ];
  return json(reply, await runner.body("create-report", CREATE_REPORT_SQL, values), 201);
});

/**
 * The baseline's reports, taken back after its measurement: they bypassed our kept figures, and
 * a later run on the same database (--reuse) compares our figures with the live ones.
 */
const REMOVE_BASELINE_REPORTS_SQL = `
WITH mine AS (
  DELETE FROM audit_event WHERE actor_label = 'baseline' AND action = 'report.create' RETURNING entity_key
), gone AS (
  DELETE FROM progress_report WHERE id IN (SELECT entity_key::int FROM mine) RETURNING id
)
SELECT json_build_object('removed', (SELECT COUNT(*) FROM gone))::text AS body`;

app.post("/bench/remove-baseline-reports", async (_request, reply) =>
  json(reply, await runner.body("remove-baseline-reports", REMOVE_BASELINE_REPORTS_SQL, []), 200),
);

const close = async () => {
  await app.close();
  await runner.close();
  process.exit(0);
};
process.on("SIGTERM", () => void close());
process.on("SIGINT", () => void close());

await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT ?? 0) });
