/** A batch of legacy pages: each parsed and written on its own, so that a broken page stops only itself. */
import type { LegacyImportSummary, LegacyPageResult } from "@cpm/schema";
import type { IsoDate } from "@cpm/schema/rules";
import type { PrismaClient } from "../generated/prisma/client";
import type { ChangeContext } from "../repositories/audit";
import { parseLegacyPage } from "./legacy-page-parser";
import { importLegacyPage } from "./legacy-page-writer";

export interface LegacyPageInput {
  /** shown in the summary and kept with the flags: a file's path, or `pages[i]` */
  source: string;
  text: string;
  /** the capture's file name, whose code stands in for a missing header */
  fileName?: string;
}

export interface LegacyImportOptions {
  dryRun: boolean;
  today: IsoDate;
  change: ChangeContext;
  /** after each page, for a progress bar */
  onPage?: (result: LegacyPageResult) => void;
}

export async function importLegacyPages(
  prisma: PrismaClient,
  pages: Iterable<LegacyPageInput> | AsyncIterable<LegacyPageInput>,
  options: LegacyImportOptions,
): Promise<LegacyImportSummary> {
  const results: LegacyPageResult[] = [];
  for await (const input of pages) {
    const parsed = parseLegacyPage(input.text, input.fileName);
    const result: LegacyPageResult = parsed.ok
      ? await importLegacyPage(prisma, parsed.page, parsed.flags, { ...options, source: input.source })
      : { source: input.source, code: parsed.code, outcome: "failed", changes: [], flags: [], reason: parsed.reason };
    results.push(result);
    options.onPage?.(result);
  }
  const count = (outcome: LegacyPageResult["outcome"]) => results.filter((r) => r.outcome === outcome).length;
  return {
    dryRun: options.dryRun,
    created: count("created"),
    updated: count("updated"),
    unchanged: count("unchanged"),
    failed: count("failed"),
    flagged: results.filter((r) => r.flags.length > 0).length,
    pages: results,
  };
}
