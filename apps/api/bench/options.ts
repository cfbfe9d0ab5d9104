import { parseArgs } from "node:util";
import { isValidIsoDate } from "@cpm/schema/rules";

import { isPresetName, PRESET_NAMES, type PresetName } from "../src/db/generate/presets";
import { ENDPOINT_KEYS } from "./endpoints";

export type Preset = PresetName;

export interface Options {
  preset: Preset;
  /** Seconds of each measurement, after a warm-up. */
  duration: number;
  /** Seconds of the warm-up before each measurement. */
  warmup: number;
  connections: number;
  /** The embedded database (PGlite in a temporary DATA_DIR) instead of the PostgreSQL server. */
  pglite: boolean;
  /** A database (or, with --pglite, a data directory) kept across runs: generated once, never dropped. */
  reuse: string | undefined;
  /** The server's pinned "today" (APP_TODAY) and the generator's. */
  today: string;
  /** Exit non-zero when a request failed or a response differs from the baseline's. */
  strict: boolean;
  smoke: boolean;
  /** A superuser connection to the PostgreSQL server, to create and drop the bench's database. */
  adminUrl: string;
  /** Only these endpoints (keys as printed), for investigating one. */
  only: string[] | undefined;
  /** Our server's LOG_LEVEL (silent by default); its last lines are printed at the end. */
  serverLogLevel: string;
}

export const USAGE = `Usage: pnpm bench [options]   (from the repository root or apps/api)

  --preset demo|city|nation   the generated data (default demo)
  --duration 10               seconds of each measurement (default 10; 1 with --smoke)
  --warmup 1                  seconds of the warm-up before each measurement (default 1; 0.5 with --smoke)
  --connections 16            concurrent connections of the load generator
  --pglite                    the embedded database in a temporary DATA_DIR instead of the PostgreSQL server
  --reuse <name>              keep the database <name> (with --pglite: a data directory) for later runs:
                              created and generated when missing, never dropped
  --today YYYY-MM-DD          the pinned "today" (APP_TODAY) of the generator and both servers (default 2026-11-25)
  --only detail,list,…        only these endpoints
  --smoke                     a quick check for the test suite (1 s each); exits non-zero on any failed
                              request or any answer that differs from the baseline's
  --strict                    exit non-zero on those problems with any other settings
  --server-log error          our server's LOG_LEVEL (default silent); its last lines are printed at the end
  --admin-url postgres://…    a superuser connection to create and drop the bench's database (default
                              $BENCH_ADMIN_URL, $TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)`;

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not "${value}"`);
  return n;
}

function checkKeys(keys: string[]): string[] {
  const unknown = keys.filter((key) => !(ENDPOINT_KEYS as readonly string[]).includes(key));
  if (unknown.length) throw new Error(`--only: no endpoint ${unknown.join(", ")} (one of ${ENDPOINT_KEYS.join(", ")})`);
  return keys;
}

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    // `pnpm bench -- --preset city` passes the "--" along
    args: argv.filter((arg) => arg !== "--"),
    options: {
      preset: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      pglite: { type: "boolean", default: false },
      reuse: { type: "string" },
      today: { type: "string" },
      smoke: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      only: { type: "string" },
      "admin-url": { type: "string" },
      "server-log": { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const preset = values.preset ?? "demo";
  if (!isPresetName(preset)) throw new Error(`--preset must be one of ${PRESET_NAMES.join(", ")}, not "${preset}"`);
  const today = values.today ?? "2026-11-25";
  if (!isValidIsoDate(today)) throw new Error(`--today must be a date as YYYY-MM-DD, not "${today}"`);
  const connections = positiveNumber("connections", values.connections, 16);
  if (!Number.isInteger(connections)) throw new Error("--connections must be a whole number");
  return {
    preset,
    duration: positiveNumber("duration", values.duration, values.smoke ? 1 : 10),
    warmup: positiveNumber("warmup", values.warmup, values.smoke ? 0.5 : 1),
    connections,
    pglite: values.pglite,
    reuse: values.reuse,
    today,
    strict: values.strict || values.smoke,
    smoke: values.smoke,
    adminUrl:
      values["admin-url"] ??
      process.env.BENCH_ADMIN_URL ??
      process.env.TEST_DATABASE_URL ??
      "postgres://postgres@127.0.0.1:5432/postgres",
    serverLogLevel: values["server-log"] ?? "silent",
    only: values.only === undefined ? undefined : checkKeys(values.only.split(",").map((key) => key.trim())),
  };
}
