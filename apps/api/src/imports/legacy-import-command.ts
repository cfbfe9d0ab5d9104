// `pnpm import:legacy [--dry-run] [--json] <files or folders>`: import project pages saved from the
// legacy site (folders are walked for .txt files) into the database that DATABASE_URL names (or the
// embedded one under DATA_DIR, migrated first). A progress bar on stderr, the summary on stdout;
// exit code 1 when a page failed.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { LegacyImportSummary } from "@cpm/schema";
import { SingleBar } from "cli-progress";
import { ANONYMOUS } from "../auth/actor";
import { openDatabase } from "../db/database";
import { applyMigrations } from "../db/migrate";
import { loadEnv } from "../env";
import { makeClock } from "../plugins/app/db";
import { importLegacyPages, type LegacyPageInput } from "./legacy-import";

const USAGE = `Usage: pnpm import:legacy [--dry-run] [--json] <files or folders>

  Imports project pages saved as text from the legacy site (a folder: every .txt file under it).
  A capture without header is read with the code in its file name (50450000-3247.txt).
  --dry-run   say what would change, write nothing
  --json      print the summary as JSON`;

async function* walk(target: string): AsyncGenerator<string> {
  const info = await stat(target);
  if (info.isFile()) {
    yield target;
    return;
  }
  const entries = await readdir(target, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith(".txt")) yield full;
  }
}

export function formatSummary(summary: LegacyImportSummary): string {
  const lines = [
    `${summary.dryRun ? "Dry run (nothing written): " : ""}${summary.pages.length} pages: ` +
      `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
      `${summary.failed} failed, ${summary.flagged} flagged`,
  ];
  for (const page of summary.pages.filter((p) => p.outcome === "failed")) {
    lines.push(`  FAILED  ${page.source}${page.code ? ` (${page.code})` : ""}: ${page.reason?.en ?? ""}`);
  }
  for (const page of summary.pages.filter((p) => p.flags.length > 0 && p.outcome !== "failed")) {
    for (const flag of page.flags) lines.push(`  flag    ${page.code} ${flag.code} (${flag.path}): ${flag.message.en}`);
  }
  return lines.join("\n");
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  // pnpm runs the script in apps/api: paths are the caller's
  const base = process.env.INIT_CWD ?? process.cwd();
  const files: string[] = [];
  for (const target of positionals) {
    for await (const file of walk(path.resolve(base, target))) files.push(file);
  }
  const env = loadEnv();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await applyMigrations(db);
    const bar = new SingleBar({
      format: "importing [{bar}] {value}/{total} pages · {created} created · {updated} updated · {failed} failed",
      stream: process.stderr,
      hideCursor: true,
    });
    const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
    bar.start(files.length, 0, counts);
    async function* pages(): AsyncGenerator<LegacyPageInput> {
      for (const file of files) {
        const relative = path.relative(base, file);
        const source = relative.startsWith("..") ? file : relative;
        yield { source, fileName: path.basename(file), text: await readFile(file, "utf8") };
      }
    }
    const summary = await importLegacyPages(db.prisma, pages(), {
      dryRun: values["dry-run"],
      today: makeClock(env).today(),
      change: { actor: ANONYMOUS, requestId: `import:legacy ${new Date().toISOString()}` },
      onPage: (result) => {
        counts[result.outcome]++;
        bar.increment(1, counts);
      },
    });
    bar.stop();
    console.log(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

process.exit(await main());
