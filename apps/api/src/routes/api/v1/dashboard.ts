import { dashboard, dashboardQuery, problem } from "@cpm/schema";
import { fiscalYearSpan } from "@cpm/schema/rules";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/dashboard",
    {
      schema: {
        tags: ["dashboard"],
        summary: "The city's dashboard: totals and a row per department and district",
        querystring: dashboardQuery,
        response: { 200: dashboard, 400: problem },
      },
    },
    async (request) => {
      const { fiscalYear, quarter, asOf } = request.query;
      const root = await app.repos.dashboard.rootUnitCode();
      return app.repos.dashboard.forUnit(
        root,
        fiscalYear,
        quarter as 1 | 2 | 3 | 4 | undefined,
        app.clock.today(),
        asOf,
      );
    },
  );

  app.get(
    "/fiscal-years",
    {
      schema: {
        tags: ["dashboard"],
        summary: "Fiscal years (ปีงบประมาณ, Buddhist era) that have data, newest first, and the current one",
        response: {
          200: z.object({
            current: z.number().int(),
            items: z.array(z.object({ year: z.number().int(), startsOn: z.string(), endsOn: z.string() })),
          }),
        },
      },
    },
    async () => {
      const rows = await app.db.prisma.fiscalYear.findMany({ orderBy: { year: "desc" } });
      const current = app.clock.currentFiscalYear();
      const years = new Set([current, ...rows.map((row) => row.year)]);
      return {
        current,
        items: [...years].sort((a, b) => b - a).map((year) => ({ year, ...fiscalYearSpanAs(year) })),
      };
    },
  );
};

const fiscalYearSpanAs = (year: number) => {
  const span = fiscalYearSpan(year);
  return { startsOn: span.start, endsOn: span.end };
};

export default dashboardRoutes;
