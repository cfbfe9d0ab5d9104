import { dashboard, dashboardQuery, fiscalYearList, problem } from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { sendAnswer } from "../../../lib/answer-cache";

const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/dashboard",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags: ["dashboard"],
        summary: "The city's dashboard: totals and a row per department and district",
        querystring: dashboardQuery,
        headers: z.object({ "if-none-match": z.string().optional() }),
        response: { 200: dashboard, 304: z.null().describe("Not Modified"), 400: problem },
      },
    },
    async (request, reply) => {
      const { fiscalYear, quarter, asOf } = request.query;
      const answer = await app.repos.dashboard.answer(
        null,
        fiscalYear,
        quarter as 1 | 2 | 3 | 4 | undefined,
        app.clock.today(),
        asOf,
      );
      return sendAnswer(request, reply, answer);
    },
  );

  app.get(
    "/fiscal-years",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags: ["dashboard"],
        summary: "Fiscal years (ปีงบประมาณ, Buddhist era) that have data, newest first, and the current one",
        response: {
          200: fiscalYearList,
        },
      },
    },
    async () => {
      const current = app.clock.currentFiscalYear();
      return { current, items: await app.repos.dashboard.fiscalYears(current) };
    },
  );
};

export default dashboardRoutes;
