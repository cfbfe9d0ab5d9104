import { createHash } from "node:crypto";
import {
  booleanParam,
  importFlagList,
  type importFlagRecord,
  legacyImportRequest,
  legacyImportSummary,
  problem,
  projectCode,
  REPORT_IMPORT_COLUMNS,
  REPORT_IMPORT_MAX_ROWS,
  type ReportImportSummary,
  reportImportQuery,
  reportImportRequest,
  reportImportSummary,
} from "@cpm/schema";
import { CsvError, parse } from "csv-parse/sync";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Actor } from "../../../auth/actor";
import { importLegacyPages } from "../../../imports/legacy-import";
import { importReports } from "../../../imports/report-import";
import { changeOf } from "../../../lib/change-context";
import { DomainError, invalid, notFound } from "../../../lib/problems";
import { forbidden } from "../../../plugins/app/auth";

const errors = { 400: problem, 401: problem, 403: problem };

/** Who sent an Idempotency-Key: one caller's keys never answer another's requests. */
function actorKeyOf(actor: Actor): string {
  if (actor.kind === "user") return `user:${actor.userId}`;
  if (actor.kind === "apiKey") return `apiKey:${actor.apiKeyId}`;
  throw new DomainError(401, "unauthenticated", "Unauthorized", {
    th: "กรุณาเข้าสู่ระบบ หรือส่ง API key ที่ยังใช้ได้",
    en: "Sign in, or send a valid API key",
  });
}

/** Rows of a CSV body: a header row naming the columns, UTF-8 (a BOM is allowed); numbers as numbers. */
function csvRows(text: string): unknown[] {
  try {
    const records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: false }) as Record<
      string,
      string
    >[];
    return records.map((record) => {
      const row: Record<string, unknown> = { ...record };
      if (typeof row.percent === "string" && row.percent.trim() !== "" && Number.isFinite(Number(row.percent))) {
        row.percent = Number(row.percent);
      }
      return row;
    });
  } catch (error) {
    if (error instanceof CsvError) {
      throw invalid("body", "csv", {
        th: `อ่านไฟล์ CSV ไม่ได้: ${error.message}`,
        en: `The CSV could not be read: ${error.message}`,
      });
    }
    throw error;
  }
}

/** Data brought in from elsewhere: the legacy site's project pages. */
const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  // a CSV body arrives as text; parsed by the route
  app.addContentTypeParser(["text/csv", "application/csv"], { parseAs: "string" }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    "/imports/reports",
    {
      // any caller who may write some unit's projects; each row is then authorized for its own unit
      config: { access: { permission: "read" } },
      bodyLimit: 64 * 1_048_576,
      schema: {
        tags: ["imports"],
        summary: "Import many projects' monthly reports at once (JSON or CSV)",
        description:
          "JSON `{ rows: [{ projectCode, reportDate, percent, narrative?, problems?, obstacles? }] }`, or `text/csv` " +
          `(UTF-8, a header row with the columns ${REPORT_IMPORT_COLUMNS.join(", ")}), up to ${REPORT_IMPORT_MAX_ROWS.toLocaleString("en-US")} rows. ` +
          "Each row is checked as a single report write is, including the caller's right to write its project's unit. " +
          "A row matches the project's live report of its date: none → created, different → updated, same → unchanged. " +
          "By default all or nothing (any rejected row: 422 and nothing imported); `?mode=partial` imports the rows " +
          "that pass. `?dryRun=true` answers the same summary and writes nothing. An `Idempotency-Key` header makes a " +
          "retry safe: the same key from the same caller answers the first summary again (`replayed: true`) and " +
          "imports nothing; the same key with another body is refused (422).",
        querystring: reportImportQuery,
        headers: z.object({ "idempotency-key": z.string().min(1).max(200).optional() }),
        body: z.union([reportImportRequest, z.string().min(1)]),
        response: { 200: reportImportSummary, 422: z.union([reportImportSummary, problem]), ...errors },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      const actorKey = actorKeyOf(actor);
      const writer =
        (actor.kind === "user" && (actor.role === "admin" || actor.role === "officer")) ||
        (actor.kind === "apiKey" && actor.scope === "write");
      if (!writer) throw forbidden();
      const { dryRun, mode } = request.query;
      const rows = typeof request.body === "string" ? csvRows(request.body) : request.body.rows;
      if (rows.length === 0 || rows.length > REPORT_IMPORT_MAX_ROWS) {
        throw invalid("rows", "rowCount", {
          th: `ต้องมี 1 ถึง ${REPORT_IMPORT_MAX_ROWS} แถว (มี ${rows.length})`,
          en: `Between 1 and ${REPORT_IMPORT_MAX_ROWS} rows (${rows.length} sent)`,
        });
      }
      const key = request.headers["idempotency-key"];
      const requestHash = createHash("sha256").update(JSON.stringify({ mode, rows })).digest("hex");
      if (key && !dryRun) {
        const stored = await app.db.prisma.idempotencyKey.findUnique({ where: { actorKey_key: { actorKey, key } } });
        if (stored) {
          if (stored.requestHash !== requestHash) {
            throw new DomainError(
              422,
              "idempotency-key-reused",
              "Unprocessable Content",
              {
                th: "Idempotency-Key นี้ใช้กับคำขออื่นไปแล้ว",
                en: "This Idempotency-Key was already used for another request",
              },
              [{ path: "headers.idempotency-key", code: "reused", message: { th: "ใช้ไปแล้ว", en: "Already used" } }],
            );
          }
          return reply
            .status(stored.status)
            .send({ ...(stored.response as unknown as ReportImportSummary), replayed: true });
        }
      }
      const run = () =>
        importReports(app.db.prisma, rows, {
          mode,
          dryRun,
          today: app.clock.today(),
          change: changeOf(request),
          idempotency: key && !dryRun ? { actorKey, key, route: "imports/reports", requestHash } : undefined,
        });
      try {
        const outcome = await run();
        return reply.status(outcome.httpStatus).send(outcome.summary);
      } catch (error) {
        // the same key sent twice at once: the first to commit answers both
        const stored = key
          ? await app.db.prisma.idempotencyKey.findUnique({ where: { actorKey_key: { actorKey, key } } })
          : null;
        if (stored && stored.requestHash === requestHash) {
          return reply
            .status(stored.status)
            .send({ ...(stored.response as unknown as ReportImportSummary), replayed: true });
        }
        throw error;
      }
    },
  );

  app.post(
    "/imports/legacy-pages",
    {
      config: { access: { permission: "admin" } },
      // a batch of saved pages: each a few tens of kilobytes
      bodyLimit: 50 * 1_048_576,
      schema: {
        tags: ["imports"],
        summary: "Import project pages saved from the legacy site (admins)",
        description:
          "JSON `{ pages: [{ fileName?, text }] }`, or one page as `text/plain` (with `?fileName=` for a capture " +
          "without header). Each page is imported in its own transaction: a page that fails changes nothing and " +
          "the others go on. The same page again is `unchanged`; a newer capture adds its new reports. What looks " +
          "wrong (weights not adding up to 100, step dates all on one day, a dropping percent, a report after the " +
          "fiscal year) is imported as it is and flagged. `?dryRun=true` answers what would change and writes nothing.",
        querystring: z.strictObject({
          dryRun: booleanParam.default(false),
          fileName: z.string().max(500).optional(),
        }),
        body: z.union([legacyImportRequest, z.string().min(1).max(2_000_000)]),
        response: { 200: legacyImportSummary, ...errors },
      },
    },
    async (request) => {
      const { dryRun, fileName } = request.query;
      const pages =
        typeof request.body === "string"
          ? [{ source: fileName ?? "pages[0]", text: request.body, fileName }]
          : request.body.pages.map((page, i) => ({
              source: page.fileName ?? `pages[${i}]`,
              text: page.text,
              fileName: page.fileName,
            }));
      return importLegacyPages(app.db.prisma, pages, { dryRun, today: app.clock.today(), change: changeOf(request) });
    },
  );

  app.get(
    "/projects/:code/import-flags",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags: ["imports"],
        summary: "What the import of a project's legacy page flagged (imported as it was, with the reason)",
        params: z.strictObject({ code: projectCode }),
        response: { 200: importFlagList, 404: problem, ...errors },
      },
    },
    async (request) => {
      const project = await app.db.prisma.project.findFirst({
        where: { code: request.params.code, deletedAt: null },
        select: { importFlags: { orderBy: { id: "asc" } } },
      });
      if (!project) throw notFound("project", request.params.code, "โครงการ");
      return {
        items: project.importFlags.map((flag) => ({
          code: flag.code as z.infer<typeof importFlagRecord>["code"],
          path: flag.path,
          message: { th: flag.messageTh, en: flag.messageEn },
          source: flag.source,
          createdAt: flag.createdAt.toISOString(),
        })),
      };
    },
  );
};

export default importsRoutes;
