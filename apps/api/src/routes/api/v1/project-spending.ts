import { problem, spendingHistory, spendingInput } from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { changeOf } from "../../../lib/change-context";
import { etagOf, expectedVersion } from "../../../lib/versions";
import { spendingRepository } from "../../../repositories/spending-repository";
import { ifMatchHeaders, projectParams, READ, WRITE_PROJECT } from "./projects";

/** A project's dated spending (งบฯ ที่ใช้ไป ณ วันที่): what the dashboards' budget figures as of a day sum. */
const projectSpendingRoutes: FastifyPluginAsyncZod = async (app) => {
  const spending = spendingRepository(app.db.prisma);

  app.get(
    "/projects/:code/spending",
    {
      config: { access: READ },
      schema: {
        tags: ["spending"],
        summary: "The project's budget spent as of each date it was reported, newest first",
        params: projectParams,
        response: { 200: spendingHistory, 404: problem },
      },
    },
    async (request) => spending.history(request.params.code),
  );

  app.post(
    "/projects/:code/spending",
    {
      config: { access: WRITE_PROJECT },
      schema: {
        tags: ["spending"],
        summary: "Record the amount spent in all as of a date (one figure per day; the same day again replaces it)",
        description:
          "The project's `budgetSpent` becomes its latest dated amount. A monthly report may carry the same " +
          "figure (`budgetSpent` in the report), dated by the report.",
        params: projectParams,
        headers: ifMatchHeaders,
        body: spendingInput,
        response: { 201: spendingHistory, 400: problem, 404: problem, 412: problem, 428: problem },
      },
    },
    async (request, reply) => {
      const { projectVersion, ...history } = await spending.record(
        request.params.code,
        request.body,
        app.clock.today(),
        expectedVersion(request.headers["if-match"]),
        changeOf(request),
      );
      return reply.status(201).header("etag", etagOf(projectVersion)).send(history);
    },
  );
};

export default projectSpendingRoutes;
