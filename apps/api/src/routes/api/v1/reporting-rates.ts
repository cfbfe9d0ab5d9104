import { problem, reportingRatesAnswer, reportingRatesQuery } from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { reportingRatesRepository } from "../../../repositories/reporting-rates-repository";

/** Completeness and timeliness of the monthly reports (DHIS2 reporting rates), for the dashboards. */
const reportingRatesRoutes: FastifyPluginAsyncZod<{ deadlineDay: number; timeZone: string }> = async (app, opts) => {
  const rates = reportingRatesRepository(app.db.prisma, () => app.db.laggingReads());
  app.get(
    "/dashboard/reporting-rates",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags: ["dashboard"],
        summary:
          "Completeness (share of active projects reported in the month) and timeliness (share reported by the " +
          "deadline, the 5th of the next month unless REPORT_DEADLINE_DAY says otherwise) per unit, in total, " +
          "and for each month of the fiscal year so far",
        querystring: reportingRatesQuery,
        response: { 200: reportingRatesAnswer, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request) => {
      const today = app.clock.today();
      return rates.forUnit(request.query.unit ?? null, request.query.month ?? today.slice(0, 7), today, opts);
    },
  );
};

export default reportingRatesRoutes;
