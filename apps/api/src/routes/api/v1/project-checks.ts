import {
  checkCounts,
  checkCountsQuery,
  checkExplanationInput,
  checkKeyParam,
  problem,
  projectCheckList,
  projectCode,
} from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { changeOf } from "../../../lib/change-context";
import { projectChecksRepository } from "../../../repositories/project-checks-repository";

const tags = ["projects"];

/** Checks with explanations: warnings with their reasons, the officers' answers, counts for the dashboard. */
const projectChecksRoutes: FastifyPluginAsyncZod = async (app) => {
  const checks = projectChecksRepository(app.db.prisma);

  app.get(
    "/projects/:code/checks",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags,
        summary:
          "A project's warnings with their reasons (percent dropped, 100 % with steps open, a month without a report, " +
          "spending above the allocation) and the officers' explanations",
        params: z.strictObject({ code: projectCode }),
        response: { 200: projectCheckList, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request) => checks.forProject(request.params.code, app.clock.today()),
  );

  app.put(
    "/projects/:code/checks/:key/explanation",
    {
      config: { access: { permission: "project.write", unit: { projectCodeParam: "code" } } },
      schema: {
        tags,
        summary: "Answer a warning with an explanation (the project's officers), which evaluators see",
        params: z.strictObject({ code: projectCode, key: checkKeyParam }),
        body: checkExplanationInput,
        response: { 200: projectCheckList, 400: problem, 401: problem, 403: problem, 404: problem },
      },
    },
    async (request) =>
      checks.explain(request.params.code, request.params.key, request.body.text, app.clock.today(), changeOf(request)),
  );

  app.get(
    "/dashboard/checks",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags: ["dashboard"],
        summary: "Projects of a fiscal year with each kind of warning, per unit and in total",
        querystring: checkCountsQuery,
        response: { 200: checkCounts, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request) => checks.counts(request.query.unit ?? null, request.query.fiscalYear, app.clock.today()),
  );
};

export default projectChecksRoutes;
