import { pendingEvaluationPage, pendingEvaluationsQuery, problem, projectChoices } from "@cpm/schema";
import { fiscalQuarterOf, type Quarter } from "@cpm/schema/rules";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** Where a user's day starts: the evaluator's queue, and the choices a project form offers. */
const workListsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/evaluations/pending",
    {
      config: { access: { permission: "history.read" } },
      schema: {
        tags: ["evaluations"],
        summary: "Projects awaiting the evaluation office's score (สยป.) for a quarter (default: today's quarter)",
        description:
          "Live projects of the fiscal year (of `unit` and its sub-units) with no evaluation for the quarter, " +
          "in code order. Signed-in users and API keys.",
        querystring: pendingEvaluationsQuery,
        response: { 200: pendingEvaluationPage, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request) => {
      const today = app.clock.today();
      const fiscalYear = request.query.fiscalYear ?? app.clock.currentFiscalYear();
      const quarter = (request.query.quarter ?? fiscalQuarterOf(today)) as Quarter;
      return app.repos.workLists.pendingEvaluations({ ...request.query, fiscalYear, quarter });
    },
  );

  app.get(
    "/project-choices",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags: ["projects"],
        summary: "What a project can be linked to: the governor's policies (P-numbers) and the strategy's goals",
        response: { 200: projectChoices },
      },
    },
    async () => app.repos.workLists.projectChoices(),
  );
};

export default workListsRoutes;
