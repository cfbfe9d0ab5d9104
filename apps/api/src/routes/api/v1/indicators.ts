import {
  indicatorCode,
  indicatorDetail,
  indicatorInput,
  indicatorListQuery,
  indicatorPatch,
  indicatorQuarterInput,
  indicatorSummary,
  listOf,
  problem,
  quarterParam,
} from "@cpm/schema";
import type { Quarter } from "@cpm/schema/rules";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

const tags = ["indicators"];
const params = z.strictObject({ code: indicatorCode });

const indicatorsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/indicators",
    {
      schema: {
        tags,
        summary: "Indicators (KPIs), by fiscal year and unit",
        querystring: indicatorListQuery,
        response: { 200: listOf(indicatorSummary), 400: problem },
      },
    },
    async (request) => app.repos.indicators.list(request.query),
  );

  app.post(
    "/indicators",
    {
      schema: {
        tags,
        summary: "Create an indicator",
        body: indicatorInput,
        response: { 201: indicatorDetail, 400: problem, 409: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await app.repos.indicators.create(request.body)),
  );

  app.get(
    "/indicators/:code",
    {
      schema: {
        tags,
        summary: "An indicator with its quarter results and supporting projects",
        params,
        response: { 200: indicatorDetail, 400: problem, 404: problem },
      },
    },
    async (request) => app.repos.indicators.get(request.params.code),
  );

  app.patch(
    "/indicators/:code",
    {
      schema: {
        tags,
        summary: "Change an indicator",
        params,
        body: indicatorPatch,
        response: { 200: indicatorDetail, 400: problem, 404: problem },
      },
    },
    async (request) => app.repos.indicators.update(request.params.code, request.body),
  );

  app.put(
    "/indicators/:code/quarters/:quarter",
    {
      schema: {
        tags,
        summary: "Set one quarter's result (ผลงาน) and scores 2.1 / 2.2",
        params: params.extend({ quarter: quarterParam }),
        body: indicatorQuarterInput,
        response: { 200: indicatorDetail, 400: problem, 404: problem },
      },
    },
    async (request) =>
      app.repos.indicators.putQuarter(request.params.code, request.params.quarter as Quarter, request.body),
  );
};

export default indicatorsRoutes;
