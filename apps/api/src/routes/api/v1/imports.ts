import {
  booleanParam,
  importFlagList,
  type importFlagRecord,
  legacyImportRequest,
  legacyImportSummary,
  problem,
  projectCode,
} from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { importLegacyPages } from "../../../imports/legacy-import";
import { changeOf } from "../../../lib/change-context";
import { notFound } from "../../../lib/problems";

const errors = { 400: problem, 401: problem, 403: problem };

/** Data brought in from elsewhere: the legacy site's project pages. */
const importsRoutes: FastifyPluginAsyncZod = async (app) => {
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
