// The bench's output: a Markdown table on stdout and the whole result as JSON under artifacts/bench/.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../src/env";
import type { RowCounts } from "./bench-db";
import type { Endpoint } from "./endpoints";
import type { LoadResult } from "./load";

export interface Environment {
  node: string;
  cpus: number;
  cpuModel: string;
  database: string;
  databaseKind: "postgres" | "pglite";
  preset: string;
  today: string;
  fiscalYear: number;
  connections: number;
  duration: number;
  warmup: number;
}

export interface EndpointResult {
  endpoint: Endpoint;
  /** null when ours and the baseline answered the same content, else what differs. */
  difference: string | null;
  ours: LoadResult;
  baseline: LoadResult;
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–");
const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : "–");
const failures = (r: LoadResult) => `${r.errors}/${r.non2xx}`;
export const ratio = (r: EndpointResult) => r.ours.requestsPerSecond / r.baseline.requestsPerSecond;
export const formatRatio = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "–");

export function printHeader(env: Environment, counts: RowCounts, log: (line: string) => void) {
  log("");
  log(`## Bench: preset ${env.preset}, today ${env.today} (fiscal year ${env.fiscalYear})`);
  log("");
  log(`- node ${env.node}, ${env.cpus} CPUs (${env.cpuModel})`);
  log(`- database: ${env.database} (${env.databaseKind === "pglite" ? "embedded" : "server on 127.0.0.1"})`);
  log(
    `- data: ${int(counts.units)} units, ${int(counts.projects)} projects (${int(counts.projectsInYear)} in FY ${env.fiscalYear}), ` +
      `${int(counts.steps)} plan steps, ${int(counts.reports)} reports, ${int(counts.indicators)} indicators`,
  );
  log(
    `- load: autocannon, ${env.connections} connections, ${env.warmup} s warm-up then ${env.duration} s per measurement, ` +
      "load generator on the same machine",
  );
}

export function printTable(env: Environment, results: EndpointResult[], log: (line: string) => void) {
  log("");
  log(
    "| endpoint | ours req/s | p50 ms | p95 ms | p99 ms | err/non-2xx | baseline req/s | p50 ms | p95 ms | p99 ms | err/non-2xx | ours/baseline |",
  );
  log("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
  for (const r of results) {
    const { ours: o, baseline: b } = r;
    log(
      `| ${r.endpoint.method} ${r.endpoint.label}${r.difference ? " (content differs)" : ""} ` +
        `| ${int(o.requestsPerSecond)} | ${ms(o.p50)} | ${ms(o.p95)} | ${ms(o.p99)} | ${failures(o)} ` +
        `| ${int(b.requestsPerSecond)} | ${ms(b.p50)} | ${ms(b.p95)} | ${ms(b.p99)} | ${failures(b)} ` +
        `| ${formatRatio(ratio(r))} |`,
    );
  }
  log("");
  log("Endpoints:");
  for (const r of results) log(`- ${r.endpoint.key}: ${r.endpoint.method} ${r.endpoint.path}`);
  log("");
  const access =
    env.databaseKind === "pglite"
      ? "its own PGlite instance on a copy of the data, PREPARE/EXECUTE"
      : "a pg.Pool of 10 connections with JIT off, named prepared statements";
  log(`Baselines (a bare Fastify app in its own process, ${access}, hand-written SQL answering the same JSON):`);
  const seen = new Set<string>();
  for (const r of results) {
    if (seen.has(r.endpoint.baseline)) continue;
    seen.add(r.endpoint.baseline);
    const keys = results.filter((other) => other.endpoint.baseline === r.endpoint.baseline).map((o) => o.endpoint.key);
    log(`- ${keys.join(", ")}: ${r.endpoint.baseline}`);
  }
}

/** Writes the results to artifacts/bench/<preset>-<timestamp>.json and returns the file's path. */
export function writeJson(env: Environment, counts: RowCounts, results: EndpointResult[], startedAt: Date): string {
  const dir = path.join(repoRoot, "artifacts/bench");
  mkdirSync(dir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  const file = path.join(dir, `${env.preset}${env.databaseKind === "pglite" ? "-pglite" : ""}-${stamp}.json`);
  const json = {
    startedAt: startedAt.toISOString(),
    environment: env,
    counts,
    endpoints: results.map((r) => ({
      key: r.endpoint.key,
      method: r.endpoint.method,
      path: r.endpoint.path,
      baseline: r.endpoint.baseline,
      contentMatches: r.difference === null,
      difference: r.difference,
      ours: r.ours,
      baselineResult: r.baseline,
      ratio: Number.isFinite(ratio(r)) ? ratio(r) : null,
    })),
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
}
