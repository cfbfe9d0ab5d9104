import { planVersions, problem, projectCode } from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { planVersionsRepository } from "../../../repositories/plan-versions-repository";

/** Plan baselines: the plan in force at the fiscal year's start against today's, with every version between. */
const planVersionsRoutes: FastifyPluginAsyncZod<{ timeZone: string }> = async (app, opts) => {
  const versions = planVersionsRepository(app.db.prisma, opts.timeZone);
  app.get(
    "/projects/:code/plan-versions",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags: ["projects"],
        summary:
          "A project's plan versions (who, when, why), the baseline (the version in force on the fiscal year's first " +
          "day) against the current plan, their difference, and both planned curves with the reported progress",
        params: z.strictObject({ code: projectCode }),
        response: { 200: planVersions, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request) => versions.forProject(request.params.code),
  );
};

export default planVersionsRoutes;
