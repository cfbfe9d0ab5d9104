import { dayNumber, fiscalYearOf, type IsoDate } from "@cpm/schema/rules";
import { rebuildAllFigures } from "../../figures";
import type { Database } from "../database";
import { applyMigrations } from "../migrate";
import { seedDemoData } from "../seed/seed-demo";
import { seedBaseData } from "./base-data";
import type { BulkWriter, OnRows } from "./bulk-writer";
import { insertWriter, pgliteCopyWriter } from "./bulk-writer-pglite";
import { openPostgresWriter } from "./bulk-writer-postgres";
import { countRows, emptyAllTables, existingData, moveSequencesPastIds, nextIds } from "./database-state";
import { checkSameServer, pgliteOf, postgresConfigOf } from "./driver-connections";
import { buildNamePools } from "./name-pools";
import { checkSize, type GenerateSize, PRESET_SIZES, type PresetName } from "./presets";
import { Prng, seedOf } from "./prng";
import { ProgressMeter } from "./progress-meter";
import { type ProjectContext, unitRows } from "./project-rows";
import { BULK_TABLE_NAMES, emptyBatch } from "./tables";
import { planUnitTree } from "./unit-tree";

export interface GenerateOptions {
  /** a preset's name, or a size of one's own (tests, benchmarks) */
  preset: PresetName | GenerateSize;
  today: IsoDate;
  /** empty every table first; without it, a database that holds data is refused */
  replace: boolean;
  log?: (line: string) => void;
  /** PostgreSQL: the server to COPY into; by default the one the app's Prisma client talks to */
  databaseUrl?: string;
  /** PGlite: COPY from memory (default) or multi-row INSERTs, to compare them */
  pgliteMethod?: "copy" | "insert";
}

export interface Summary {
  preset: string;
  size: GenerateSize | null;
  today: IsoDate;
  fiscalYears: number[];
  database: string;
  method: string;
  rows: Record<string, number>;
  seconds: { load: number; figures: number; analyze: number; total: number };
}

/** The database already holds data and --replace was not given: nothing was changed. */
export class DatabaseNotEmptyError extends Error {}

/** Projects per batch: bounded memory whatever the size (a batch is about 10 MB of rows). */
const BATCH_PROJECTS = 10_000;

/** Tables the summary counts besides the bulk ones (written through Prisma, small). */
const OTHER_TABLES = ["fiscal_year", "strategy_node", "policy", "app_user"] as const;

const describeSize = (size: GenerateSize) =>
  `${size.units.toLocaleString("en-US")} units × ${size.projectsPerUnit} projects × ${size.fiscalYears} fiscal year${size.fiscalYears === 1 ? "" : "s"}`;

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Fill the database with realistic data of a preset's size, as of `today`: migrate, refuse a
 * database that holds data (unless `replace`), load, ANALYZE, rebuild the kept figures, ANALYZE. The same
 * preset and `today` give the same data.
 */
export async function generateData(db: Database, options: GenerateOptions): Promise<Summary> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const seconds = (from: number) => Math.round((performance.now() - from) / 10) / 100;
  await applyMigrations(db);

  const existing = await existingData(db.prisma);
  if (existing.projects > 0 || existing.units > 0 || existing.users > 0) {
    if (!options.replace) {
      throw new DatabaseNotEmptyError(
        `${db.location} already holds data (${existing.projects} projects, ${existing.units} units, ${existing.users} users): nothing was changed. Pass --replace to empty it and generate anew.`,
      );
    }
    const emptied = await emptyAllTables(db.prisma);
    log(`Emptied ${emptied.length} tables of ${db.location}`);
  }

  const presetName = typeof options.preset === "string" ? options.preset : "custom";
  const size =
    options.preset === "demo"
      ? null
      : checkSize(typeof options.preset === "string" ? PRESET_SIZES[options.preset] : options.preset);
  const current = fiscalYearOf(options.today);
  const fiscalYears = size
    ? Array.from({ length: size.fiscalYears }, (_, i) => current - size.fiscalYears + 1 + i)
    : [current - 2, current - 1, current];
  log(
    `Generating ${presetName}${size ? ` (${describeSize(size)})` : ""}, fiscal years ${fiscalYears.join(", ")}, as of ${options.today}, into ${db.location}`,
  );

  let method = "Prisma (the app's demo seed)";
  let rows: Record<string, number>;
  if (!size) {
    await seedDemoData(db.prisma, options.today);
    rows = await countRows(db.prisma, [...BULK_TABLE_NAMES, ...OTHER_TABLES]);
  } else {
    const meter = new ProgressMeter(log);
    const writer = await openWriter(db, options, (table, n) => meter.add(table, n));
    method = writer.method;
    try {
      const base = await loadGenerated(db, writer, size, fiscalYears, options.today, () => meter.begin());
      rows = base;
      for (const [table, n] of meter.rows) rows[table] = (rows[table] ?? 0) + n;
    } finally {
      await writer.close();
    }
    log(`Loaded ${meter.total.toLocaleString("en-US")} rows in ${meter.seconds.toFixed(1)} s (${method})`);
  }
  const load = seconds(started);

  // statistics first: without them the rebuild's statements over millions of fresh rows plan badly
  const analyzeFrom = performance.now();
  await db.prisma.$executeRawUnsafe("ANALYZE");
  let analyze = seconds(analyzeFrom);
  const figuresFrom = performance.now();
  await rebuildAllFigures(db.prisma, options.today);
  const figures = seconds(figuresFrom);
  log(`Rebuilt the kept figures in ${figures.toFixed(1)} s`);
  const reanalyzeFrom = performance.now();
  await db.prisma.$executeRawUnsafe("ANALYZE");
  analyze += seconds(reanalyzeFrom);

  return {
    preset: presetName,
    size,
    today: options.today,
    fiscalYears,
    database: db.location,
    method,
    rows,
    seconds: { load, figures, analyze, total: seconds(started) },
  };
}

async function openWriter(db: Database, options: GenerateOptions, onRows: OnRows): Promise<BulkWriter> {
  if (db.kind === "postgres") {
    const config = options.databaseUrl ? { connectionString: options.databaseUrl } : postgresConfigOf(db.prisma);
    if (!config) throw new Error("Cannot tell which PostgreSQL server to COPY into: pass databaseUrl");
    await checkSameServer(db.prisma, config);
    return openPostgresWriter(config, onRows);
  }
  const pglite = pgliteOf(db.prisma);
  if (pglite && options.pgliteMethod !== "insert") return pgliteCopyWriter(pglite, onRows);
  const exec = pglite
    ? async (sql: string) => void (await pglite.exec(sql))
    : async (sql: string) => void (await db.prisma.$executeRawUnsafe(sql));
  return insertWriter(exec, onRows);
}

/**
 * The known data through Prisma, then the generated units and, unit after unit, their projects in
 * batches: the next batch is generated while the database takes the previous one. Returns the row
 * counts of the known data.
 */
async function loadGenerated(
  db: Database,
  writer: BulkWriter,
  size: GenerateSize,
  fiscalYears: number[],
  today: IsoDate,
  beginBulk: () => void,
): Promise<Record<string, number>> {
  const base = await seedBaseData(db.prisma, fiscalYears);
  const counts = await countRows(db.prisma, [...BULK_TABLE_NAMES, ...OTHER_TABLES]);
  const known = await db.prisma.orgUnit.findMany({
    select: { id: true, code: true, name: true, kind: true, parentId: true },
    orderBy: { id: "asc" },
  });
  const ids = await nextIds(db.prisma);
  const takenCodes = new Set((await db.prisma.project.findMany({ select: { code: true } })).map((p) => p.code));

  const seed = seedOf(size.units, size.projectsPerUnit, size.fiscalYears, dayNumber(today));
  const pools = buildNamePools(seed);
  const tree = planUnitTree(known, size.units, ids.org_unit, pools, new Prng(seed));
  beginBulk();
  const units = emptyBatch();
  units.org_unit = tree.newUnits;
  await writer.write(units);

  const ctx: ProjectContext = { today: dayNumber(today), pools, ...base, takenCodes, ids };
  const unitsPerBatch = Math.max(1, Math.floor(BATCH_PROJECTS / (size.projectsPerUnit * fiscalYears.length)));
  let batch = emptyBatch();
  const inFlight = new Set<Promise<void>>();
  for (const [index, owner] of tree.owners.entries()) {
    unitRows(ctx, new Prng(seedOf(seed, index + 1)), batch, owner, fiscalYears, size.projectsPerUnit);
    if ((index + 1) % unitsPerBatch === 0 || index === tree.owners.length - 1) {
      // the next batches are generated while the database takes this one
      if (inFlight.size >= writer.parallel) await Promise.race(inFlight);
      const writing = writer.write(batch);
      inFlight.add(writing);
      // a failure is seen by the next await on it; until then it must not count as unhandled
      writing.then(
        () => inFlight.delete(writing),
        () => {},
      );
      batch = emptyBatch();
    }
    await nextTick();
  }
  await Promise.all(inFlight);
  await moveSequencesPastIds(db.prisma);
  return counts;
}
