import { z } from "zod";
import { projectCode } from "./common";
import { localizedMessage } from "./problem";
import { reportInput } from "./report";

/** One monthly report of a bulk import: a project's code and the report as a single write takes it. */
export const reportImportRow = reportInput
  .pick({ reportDate: true, percent: true, narrative: true, problems: true, obstacles: true })
  .extend({ projectCode })
  .meta({ id: "ReportImportRow" });

export type ReportImportRow = z.output<typeof reportImportRow>;

/** The most rows one request may carry. */
export const REPORT_IMPORT_MAX_ROWS = 50_000;

/** JSON body of POST /imports/reports (a CSV body has the same columns, with a header row). */
export const reportImportRequest = z
  .strictObject({ rows: z.array(z.unknown()).min(1).max(REPORT_IMPORT_MAX_ROWS) })
  .meta({ id: "ReportImportRequest" });

export const REPORT_IMPORT_COLUMNS = ["projectCode", "reportDate", "percent", "narrative", "problems", "obstacles"];

export const reportImportQuery = z.strictObject({
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** `all` (default): any rejected row imports nothing; `partial`: the other rows go in */
  mode: z.enum(["all", "partial"]).default("all"),
});

/** DHIS2-style import summary. */
export const reportImportSummary = z
  .object({
    /** OK: every row imported (or unchanged); WARNING: some rejected, the rest imported (partial); ERROR: nothing imported */
    status: z.enum(["OK", "WARNING", "ERROR"]),
    mode: z.enum(["all", "partial"]),
    dryRun: z.boolean(),
    /** true when this answers a retried request (same Idempotency-Key): nothing was imported again */
    replayed: z.boolean(),
    stats: z.object({
      total: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
    }),
    rejected: z.array(
      z.object({
        /** 1-based: the row's place in `rows`, or the CSV's data line (the header is line 0) */
        row: z.number().int(),
        field: z.string(),
        code: z.string(),
        message: localizedMessage,
      }),
    ),
  })
  .meta({ id: "ReportImportSummary" });

export type ReportImportSummary = z.infer<typeof reportImportSummary>;
