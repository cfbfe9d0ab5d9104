import {
  dashboard,
  dashboardQuery,
  listOf,
  problem,
  unitCode,
  unitDetail,
  unitListQuery,
  unitSummary,
} from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { sendAnswer } from "../../../lib/answer-cache";

const tags = ["units"];

const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/units",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags,
        summary: "Organisation units (หน่วยงาน), in Thai order",
        querystring: unitListQuery,
        response: { 200: listOf(unitSummary), 400: problem },
      },
    },
    async (request) => {
      const items = await app.repos.units.list(request.query);
      return { items, total: items.length, page: 1, pageSize: items.length };
    },
  );

  app.get(
    "/units/:code",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags,
        summary: "One unit with its parent and sub-units",
        params: z.strictObject({ code: unitCode }),
        response: { 200: unitDetail, 400: problem, 404: problem },
      },
    },
    async (request) => app.repos.units.get(request.params.code),
  );

  app.get(
    "/units/:code/dashboard",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags: ["dashboard"],
        summary: "A unit's dashboard: totals over its sub-units and a row per sub-unit",
        params: z.strictObject({ code: unitCode }),
        querystring: dashboardQuery,
        headers: z.object({ "if-none-match": z.string().optional() }),
        response: { 200: dashboard, 304: z.null().describe("Not Modified"), 400: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const { fiscalYear, quarter, asOf } = request.query;
      const answer = await app.repos.dashboard.answer(
        request.params.code,
        fiscalYear,
        quarter as 1 | 2 | 3 | 4 | undefined,
        app.clock.today(),
        asOf,
      );
      return sendAnswer(request, reply, answer);
    },
  );
};

export default unitsRoutes;
