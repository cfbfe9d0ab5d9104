// `pnpm data:generate --preset demo|city|nation [--replace]`: fill the database that DATABASE_URL
// names (or the embedded one under DATA_DIR) with generated data. Progress goes to stderr, the
// summary to stdout.
import { parseArgs } from "node:util";
import { loadEnv } from "../../env";
import { makeClock } from "../../plugins/app/db";
import { openDatabase } from "../database";
import { DatabaseNotEmptyError, generateData, type Summary } from "./generate-data";
import { type GenerateSize, isPresetName, PRESET_NAMES, PRESET_SIZES } from "./presets";

const USAGE = `Usage: pnpm data:generate --preset demo|city|nation [--replace]
         [--units N --projects N --years N]

  --preset    demo    the app's demo data (36 units, 3–6 projects each, 3 fiscal years)
              city    ${PRESET_SIZES.city.units} units × ${PRESET_SIZES.city.projectsPerUnit} projects × ${PRESET_SIZES.city.fiscalYears} fiscal years
              nation  ${PRESET_SIZES.nation.units.toLocaleString("en-US")} units × ${PRESET_SIZES.nation.projectsPerUnit} projects × ${PRESET_SIZES.nation.fiscalYears} fiscal year
  --units, --projects, --years   override the preset's size (projects per unit and fiscal year)
  --replace   empty every table first (a database that holds data is refused without it)

The database is DATABASE_URL, or the embedded one under DATA_DIR; "today" is APP_TODAY, or today
in TIME_ZONE. The same preset and today give the same data.`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parse() {
  const { values } = parseArgs({
    options: {
      preset: { type: "string" },
      replace: { type: "boolean", default: false },
      units: { type: "string" },
      projects: { type: "string" },
      years: { type: "string" },
      "pglite-method": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const preset = values.preset ?? fail(`--preset is required (${PRESET_NAMES.join(", ")})\n\n${USAGE}`);
  if (!isPresetName(preset)) fail(`Unknown preset "${preset}": one of ${PRESET_NAMES.join(", ")}`);
  const custom = values.units !== undefined || values.projects !== undefined || values.years !== undefined;
  const whole = (value: string | undefined, fallback: number, flag: string) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    return Number.isInteger(n) && n > 0 ? n : fail(`${flag} must be a whole number above 0, not "${value}"`);
  };
  let size: GenerateSize | undefined;
  if (custom) {
    const base = preset === "demo" ? { units: 36, projectsPerUnit: 5, fiscalYears: 3 } : PRESET_SIZES[preset];
    size = {
      units: whole(values.units, base.units, "--units"),
      projectsPerUnit: whole(values.projects, base.projectsPerUnit, "--projects"),
      fiscalYears: whole(values.years, base.fiscalYears, "--years"),
    };
  }
  const method = values["pglite-method"];
  if (method !== undefined && method !== "copy" && method !== "insert") fail("--pglite-method is copy or insert");
  return { preset: size ?? preset, replace: values.replace, pgliteMethod: method as "copy" | "insert" | undefined };
}

function printSummary(summary: Summary) {
  const n = (value: number) => value.toLocaleString("en-US");
  const names = Object.keys(summary.rows);
  const width = Math.max(...names.map((name) => name.length), 5);
  const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  const lines = [
    `Generated ${summary.preset} as of ${summary.today} (fiscal years ${summary.fiscalYears.join(", ")}) into ${summary.database}, by ${summary.method}`,
    ...names.map((name) => `  ${name.padEnd(width)}  ${n(summary.rows[name] ?? 0).padStart(12)}`),
    `  ${"total".padEnd(width)}  ${n(total).padStart(12)}`,
    `Seconds: load ${summary.seconds.load.toFixed(1)} · figures ${summary.seconds.figures.toFixed(1)} · ANALYZE ${summary.seconds.analyze.toFixed(1)} · total ${summary.seconds.total.toFixed(1)}`,
  ];
  console.log(lines.join("\n"));
}

const options = parse();
const env = loadEnv();
const today = makeClock(env).today();
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
let exitCode = 0;
try {
  const summary = await generateData(db, {
    ...options,
    today,
    databaseUrl: env.DATABASE_URL,
    log: (line) => console.error(line),
  });
  printSummary(summary);
} catch (error) {
  exitCode = 1;
  if (error instanceof DatabaseNotEmptyError) console.error(error.message);
  else
    console.error(
      `Generating failed: ${(error as Error).stack ?? error}\nThe database may hold part of the data: run again with --replace.`,
    );
} finally {
  await db.close();
}
process.exit(exitCode);
