import { openDataCsvQuery, openDataPage, openDataQuery, problem } from "@cpm/schema";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Column, csvStream } from "../../../exports/spreadsheet";
import { openData } from "../../../open-data/open-data";

const tags = ["open data"];
const CACHE = "public, max-age=300, stale-while-revalidate=600";

const COLUMNS: Column[] = [
  { header: "id", kind: "text" },
  { header: "code", kind: "text" },
  { header: "name", kind: "text" },
  { header: "unitCode", kind: "text" },
  { header: "unitName", kind: "text" },
  { header: "fiscalYear", kind: "integer" },
  { header: "objectives", kind: "text" },
  { header: "targets", kind: "text" },
  { header: "strategyCode", kind: "text" },
  { header: "budgetAllocated", kind: "number" },
  { header: "budgetSpent", kind: "number" },
  { header: "progress", kind: "percent" },
  { header: "plannedProgress", kind: "percent" },
  { header: "scheduleStatus", kind: "text" },
  { header: "lastReportDate", kind: "date" },
  { header: "updatedAt", kind: "text" },
];

/** 304 when the client's copy is current (If-None-Match first, else If-Modified-Since). */
function notModified(request: FastifyRequest, etag: string, lastModified: Date): boolean {
  const match = request.headers["if-none-match"];
  if (match !== undefined) return match.split(",").some((t) => t.trim() === etag || t.trim() === "*");
  const since = request.headers["if-modified-since"];
  return since !== undefined && !Number.isNaN(Date.parse(since)) && lastModified.getTime() <= Date.parse(since);
}

function validators(reply: FastifyReply, etag: string, lastModified: Date) {
  reply.header("etag", etag).header("last-modified", lastModified.toUTCString()).header("cache-control", CACHE);
}

/**
 * Open data for the city's portal: public (whoever may read the rest), read-only, the non-personal
 * fields of every project of a fiscal year, cacheable with ETag and Last-Modified.
 */
const openDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const feed = openData(() => app.db.laggingReads());
  const conditional = { "if-none-match": z.string().optional(), "if-modified-since": z.string().optional() };

  app.get(
    "/open-data/projects",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Open data: a fiscal year's projects (non-personal fields), a page at a time",
        description:
          "Public and read-only. No officer names or phones. `id` (urn:cpm:project:<code>) is stable. In code order; " +
          "`next` is the next page's URL. `ETag` and `Last-Modified` change when a project of the year or the day's " +
          "figures change: send `If-None-Match` or `If-Modified-Since` to get 304. The same as CSV: /open-data/projects.csv.",
        querystring: openDataQuery,
        headers: z.object(conditional),
        response: { 200: openDataPage, 304: z.null().describe("Not Modified"), 400: problem },
      },
    },
    async (request, reply) => {
      const { fiscalYear, page, pageSize } = request.query;
      const version = await feed.version(fiscalYear);
      const etag = version.tag(`json.${page}.${pageSize}`);
      validators(reply, etag, version.lastModified);
      if (notModified(request, etag, version.lastModified)) return reply.status(304).send(null);
      const items = await feed.page(fiscalYear, page, pageSize);
      const more = page * pageSize < version.total;
      return {
        fiscalYear,
        asOf: version.asOf ?? app.clock.today(),
        total: version.total,
        page,
        pageSize,
        next: more ? `/api/v1/open-data/projects?fiscalYear=${fiscalYear}&page=${page + 1}&pageSize=${pageSize}` : null,
        items,
      };
    },
  );

  app.get(
    "/open-data/projects.csv",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Open data: a fiscal year's projects (non-personal fields) as one CSV",
        description:
          "The same fields as /open-data/projects, every project of the year, UTF-8 with a BOM, streamed; ETag and " +
          "Last-Modified as there.",
        querystring: openDataCsvQuery,
        headers: z.object(conditional),
        response: {
          200: z.unknown().describe("text/csv, UTF-8 with a BOM"),
          304: z.null().describe("Not Modified"),
          400: problem,
        },
      },
    },
    async (request, reply) => {
      const { fiscalYear } = request.query;
      const version = await feed.version(fiscalYear);
      const etag = version.tag("csv");
      validators(reply, etag, version.lastModified);
      if (notModified(request, etag, version.lastModified)) return reply.status(304).send(null);
      async function* rows() {
        for await (const page of feed.all(fiscalYear)) {
          yield page.map((p) => [
            p.id,
            p.code,
            p.name,
            p.unitCode,
            p.unitName,
            p.fiscalYear,
            p.objectives,
            p.targets,
            p.strategyCode,
            p.budgetAllocated,
            p.budgetSpent,
            p.progress,
            p.plannedProgress,
            p.scheduleStatus,
            p.lastReportDate ? { date: p.lastReportDate } : null,
            p.updatedAt,
          ]);
        }
      }
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="projects-${fiscalYear}.csv"`)
        .send(csvStream(COLUMNS, rows()));
    },
  );
};

export default openDataRoutes;
