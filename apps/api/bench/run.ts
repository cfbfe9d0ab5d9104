// `pnpm bench`: our server against a bare baseline, on a generated preset. See `pnpm bench --help`.
//
// 1. Create a database (PostgreSQL server, or PGlite with --pglite), migrate it and generate the
//    preset's data (or reuse a database with --reuse), print its row counts.
// 2. Start our server (production mode) and the baseline (bench/baseline-server.ts: bare Fastify,
//    hand-written SQL over pg) in child processes of their own.
// 3. Check once that both answer every endpoint with the same content (a warning line otherwise).
// 4. Per endpoint, for ours then the baseline: a warm-up, then the measurement (autocannon).
// 5. Print a table, write artifacts/bench/<preset>-<timestamp>.json; stop both servers and drop
//    the database, also on failure or Ctrl-C.
import { availableParallelism, cpus } from "node:os";
import { type Defer, prepareDatabase } from "./bench-db";
import { formatBulkImport, measureBulkImport } from "./bulk-import";
import {
  compareGet,
  compareReportCreation,
  createWriteKey,
  endpointsFor,
  loadTarget,
  reportWrites,
  settledVersions,
} from "./endpoints";
import { measure } from "./load";
import { parseOptions } from "./options";
import { type Server, startServer } from "./processes";
import {
  type EndpointResult,
  type Environment,
  formatRatio,
  printHeader,
  printTable,
  ratio,
  writeJson,
} from "./report";

const cleanups: (() => Promise<void>)[] = [];
const defer: Defer = (cleanup) => void cleanups.push(cleanup);
let cleaning: Promise<void> | undefined;

/** Undo everything deferred, newest first: stop the servers, then drop the database. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`clean-up failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers and dropping the bench's database …`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const t0 = performance.now();
  const step = (message: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${message}`);

  const database = await prepareDatabase(options, step, defer);
  const fixture = database.fixture;
  const env: Environment = {
    node: process.version,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? "?",
    database: fixture.server,
    databaseKind: database.kind,
    preset: options.preset,
    today: options.today,
    fiscalYear: fixture.fiscalYear,
    connections: options.connections,
    duration: options.duration,
    warmup: options.warmup,
  };
  printHeader(env, fixture.counts, console.log);
  console.log("");

  // both start at once; one that started is stopped even when the other fails
  const started = await Promise.allSettled([
    startServer(
      "our server",
      ["--import", "./src/runtime/require-node.mjs", "--import", "tsx", "src/server.ts"],
      { ...database.serverEnv, LOG_LEVEL: options.serverLogLevel },
      "/api/v1/fiscal-years",
    ),
    startServer("the baseline", ["--import", "tsx", "bench/baseline-server.ts"], database.baselineEnv, "/health"),
  ]);
  for (const server of started) if (server.status === "fulfilled") defer(() => server.value.stop());
  const [ours, baseline] = started.map((server) => {
    if (server.status === "rejected") throw server.reason;
    return server.value;
  }) as [Server, Server];
  step(`our server at ${ours.url} (pid ${ours.pid}), the baseline at ${baseline.url} (pid ${baseline.pid})`);

  const endpoints = endpointsFor(fixture).filter((e) => !options.only || options.only.includes(e.key));
  const reports = reportWrites(fixture.writeCodes, options.today);
  let auth: Record<string, string> = {};
  const versions = new Map<string, number>();
  const syncVersions = async () => {
    const settled = await settledVersions(ours.url, fixture.fiscalYear, fixture.writeUnits);
    versions.clear();
    for (const [code, version] of settled) versions.set(code, version);
  };
  if (endpoints.some((e) => e.method === "POST")) {
    auth = { authorization: `Bearer ${await createWriteKey(ours.url, fixture.writeUnits)}` };
    await syncVersions();
    step(`report creation cycles over ${fixture.writeCodes.length} projects of ${fixture.writeUnits.length} unit(s)`);
  }

  const differences = new Map<string, string | null>();
  for (const endpoint of endpoints) {
    const difference =
      endpoint.method === "GET"
        ? await compareGet(ours.url, baseline.url, endpoint.path)
        : await compareReportCreation(
            ours.url,
            baseline.url,
            fixture.writeCodes[0] as string,
            options.today,
            auth,
            versions,
          );
    differences.set(endpoint.key, difference);
    if (difference) {
      console.log(
        `WARNING: ${endpoint.key} (${endpoint.method} ${endpoint.path}): content differs from the baseline's: ${difference}`,
      );
    }
  }
  step(
    `content check: ${[...differences.values()].filter((d) => d === null).length} of ${endpoints.length} endpoints answer the same as the baseline`,
  );

  const results: EndpointResult[] = [];
  for (const endpoint of endpoints) {
    const oursTarget = loadTarget(endpoint, ours.url, { reports, auth, versions, prepare: syncVersions });
    const oursResult = await measure(oursTarget, options);
    const baselineResult = await measure(
      loadTarget(endpoint, baseline.url, { reports, auth: {}, versions: null }),
      options,
    );
    if (endpoint.method === "POST") {
      const removed = await fetch(`${baseline.url}/bench/remove-baseline-reports`, { method: "POST" });
      if (!removed.ok) throw new Error(`removing the baseline's reports failed: ${removed.status}`);
    }
    const result = {
      endpoint,
      difference: differences.get(endpoint.key) ?? null,
      ours: oursResult,
      baseline: baselineResult,
    };
    results.push(result);
    step(
      `${endpoint.key}: ours ${oursResult.requestsPerSecond.toFixed(0)} req/s, baseline ` +
        `${baselineResult.requestsPerSecond.toFixed(0)} req/s (${formatRatio(ratio(result))})`,
    );
  }

  // the bulk import: one request of many rows (10,000; 1,000 in a smoke run)
  const bulk = options.only
    ? null
    : await measureBulkImport(
        ours.url,
        Object.keys(auth).length
          ? auth
          : { authorization: `Bearer ${await createWriteKey(ours.url, fixture.writeUnits)}` },
        fixture.writeCodes,
        fixture.fiscalYear,
        options.today,
        options.smoke ? 1_000 : 10_000,
      );
  if (bulk) step(`bulk import: ${bulk.rows} rows, ${Math.round(bulk.created.rowsPerSecond)} rows/s`);

  printHeader(env, fixture.counts, console.log);
  printTable(env, results, console.log);
  if (bulk) console.log(`\n${formatBulkImport(bulk)}`);
  const file = writeJson(env, fixture.counts, results, startedAt);
  console.log(`\nResults: ${file}`);

  const problems = results.flatMap((r) => {
    const found: string[] = [];
    if (r.difference) found.push(`${r.endpoint.key}: content differs from the baseline's (${r.difference})`);
    for (const [who, load] of [
      ["ours", r.ours],
      ["baseline", r.baseline],
    ] as const) {
      if (load.responses === 0) found.push(`${r.endpoint.key} (${who}): no answer during the measurement`);
      if (load.errors || load.non2xx) {
        const codes = Object.entries(load.statusCodes)
          .map(([code, n]) => `${n}× ${code}`)
          .join(", ");
        found.push(`${r.endpoint.key} (${who}): ${load.errors} errors, ${load.non2xx} non-2xx answers (${codes})`);
      }
    }
    return found;
  });
  if (bulk && (bulk.created.status !== 200 || bulk.unchanged.stats.unchanged !== bulk.rows)) {
    problems.unshift(`bulk import: HTTP ${bulk.created.status}, then ${bulk.unchanged.status} not all unchanged`);
  }
  if (options.serverLogLevel !== "silent") {
    console.log(`\nOur server's last log lines (LOG_LEVEL=${options.serverLogLevel}):`);
    for (const line of ours.output()) console.log(`  ${line}`);
  }
  for (const problem of problems) console.log(`${options.strict ? "FAIL" : "WARNING"}: ${problem}`);
  step(`done${problems.length ? ` with ${problems.length} problem(s)` : ""}`);
  return options.strict && problems.length > 0 ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanUp();
}
process.exit(code);
