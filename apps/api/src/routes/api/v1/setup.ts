import { fiscalYearsInput, fiscalYearsResult, problem, unitImportInput, unitImportResult } from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { addFiscalYears, importUnits } from "../../../setup/first-run";

const ADMIN = { access: { permission: "admin" as const } };
const errors = { 400: problem, 401: problem, 403: problem };
/** A units file of a few thousand lines, in JSON. */
const IMPORT_LIMIT_BYTES = 3 * 1024 * 1024;

/** The first run of a city's own database, from the admin page: its units (a CSV file) and fiscal years. */
const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/units/import",
    {
      config: ADMIN,
      bodyLimit: IMPORT_LIMIT_BYTES,
      schema: {
        tags: ["admin"],
        summary: "Add units from a CSV file (code, name, parent, kind; optional name_en), all or nothing",
        description:
          "`csv` is the file's text (UTF-8): a header line naming the columns, then one unit per line. Every problem is answered at once (400, each naming `rows[line].column`) and nothing is imported; units already there with the same name, parent and kind are left as they are.",
        body: unitImportInput,
        response: { 200: unitImportResult, ...errors },
      },
    },
    async (request) => importUnits(app.db.prisma, request.body.csv),
  );

  app.post(
    "/fiscal-years",
    {
      config: ADMIN,
      schema: {
        tags: ["admin"],
        summary: "Add fiscal years (Buddhist era, 1 October to 30 September); those already there are left",
        body: fiscalYearsInput,
        response: { 200: fiscalYearsResult, ...errors },
      },
    },
    async (request) => addFiscalYears(app.db.prisma, request.body.years),
  );
};

export default setupRoutes;
