import { fiscalYearsInput, fiscalYearsResult, problem, unitImportResult } from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addFiscalYears, importUnits } from "../../../setup/first-run";

const ADMIN = { access: { permission: "admin" as const } };
const errors = { 400: problem, 401: problem, 403: problem };
/** A units file of a few thousand lines. */
const CSV_LIMIT_BYTES = 2 * 1024 * 1024;

/** The first run of a city's own database, from the admin page: its units (a CSV file) and fiscal years. */
const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    ["text/csv", "text/plain"],
    { parseAs: "string", bodyLimit: CSV_LIMIT_BYTES },
    (_r, body, done) => done(null, body),
  );

  app.post(
    "/units/import",
    {
      config: ADMIN,
      bodyLimit: CSV_LIMIT_BYTES,
      schema: {
        tags: ["admin"],
        summary: "Add units from a CSV file (code, name, parent, kind; optional name_en), all or nothing",
        description:
          "The body is the file itself (`Content-Type: text/csv`, UTF-8). Every problem is answered at once (400, each naming `rows[line].column`) and nothing is imported; units already there with the same name, parent and kind are left as they are.",
        consumes: ["text/csv"],
        body: z.string().min(1).max(CSV_LIMIT_BYTES),
        response: { 200: unitImportResult, ...errors },
      },
    },
    async (request) => importUnits(app.db.prisma, request.body),
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
