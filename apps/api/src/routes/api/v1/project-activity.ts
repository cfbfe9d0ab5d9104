import {
  evaluationInput,
  planInput,
  problem,
  progressReport,
  projectDetail,
  quarterEvaluation,
  quarterParam,
  reportInput,
  reportPatch,
  reportWithdrawal,
  rowIdParam,
} from "@cpm/schema";
import type { Quarter } from "@cpm/schema/rules";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { changeOf } from "../../../lib/change-context";
import { etagOf, expectedVersion } from "../../../lib/versions";
import { ifMatchHeaders, projectParams, WRITE_PROJECT } from "./projects";

const reportParams = projectParams.extend({ id: rowIdParam });

/** The plan, monthly reports and quarterly evaluations of a project. Each write bumps the project's version. */
const projectActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    "/projects/:code/plan",
    {
      config: { access: WRITE_PROJECT },
      schema: {
        tags: ["plan"],
        summary: "Replace the whole plan atomically; the step weights must sum to 100",
        params: projectParams,
        headers: ifMatchHeaders,
        body: planInput,
        response: { 200: projectDetail, 400: problem, 404: problem, 412: problem },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      await app.repos.activity.replacePlan(
        code,
        request.body,
        app.clock.today(),
        expectedVersion(request.headers["if-match"]),
        changeOf(request),
      );
      const project = await app.repos.projects.get(code, app.clock.today());
      return reply.header("etag", etagOf(project.version)).send(project);
    },
  );

  app.post(
    "/projects/:code/reports",
    {
      config: { access: WRITE_PROJECT },
      schema: {
        tags: ["reports"],
        summary: "Add a progress report (cumulative percent of the whole project)",
        params: projectParams,
        headers: ifMatchHeaders,
        body: reportInput,
        response: { 201: progressReport, 400: problem, 404: problem, 409: problem, 412: problem },
      },
    },
    async (request, reply) => {
      const report = await app.repos.activity.addReport(
        request.params.code,
        request.body,
        app.clock.today(),
        expectedVersion(request.headers["if-match"]),
        changeOf(request),
      );
      return reply.status(201).header("etag", etagOf(report.projectVersion)).send(report);
    },
  );

  app.patch(
    "/projects/:code/reports/:id",
    {
      config: { access: WRITE_PROJECT },
      schema: {
        tags: ["reports"],
        summary: "Correct a progress report",
        description:
          "`budgetSpent` sets the amount spent as of the report's date that came with the report (null takes it " +
          "away); moving the report's date moves that amount with it. The project's `budgetSpent` is its latest " +
          "dated amount.",
        params: reportParams,
        headers: ifMatchHeaders,
        body: reportPatch,
        response: { 200: progressReport, 400: problem, 404: problem, 409: problem, 412: problem },
      },
    },
    async (request, reply) => {
      const report = await app.repos.activity.updateReport(
        request.params.code,
        request.params.id,
        request.body,
        app.clock.today(),
        expectedVersion(request.headers["if-match"]),
        changeOf(request),
      );
      // a correction that changes nothing leaves the version (and its ETag) as it was
      if ("projectVersion" in report) reply.header("etag", etagOf(report.projectVersion));
      return report;
    },
  );

  app.delete(
    "/projects/:code/reports/:id",
    {
      config: { access: WRITE_PROJECT },
      schema: {
        tags: ["reports"],
        summary: "Withdraw a progress report (kept in the database, no longer counted); the reason goes to the history",
        description:
          "The amount spent that came with the report goes with it (an amount recorded on its own for the same " +
          "day is the day's figure again); the project's `budgetSpent` becomes its latest remaining amount.",
        params: reportParams,
        headers: ifMatchHeaders,
        body: reportWithdrawal.nullish(),
        response: { 204: z.undefined(), 404: problem, 409: problem, 412: problem },
      },
    },
    async (request, reply) => {
      const version = await app.repos.activity.deleteReport(
        request.params.code,
        request.params.id,
        app.clock.today(),
        expectedVersion(request.headers["if-match"]),
        changeOf(request),
        request.body?.reason,
      );
      return reply.header("etag", etagOf(version)).status(204).send();
    },
  );

  app.put(
    "/projects/:code/evaluations/:quarter",
    {
      config: { access: { permission: "evaluation.write", unit: { projectCodeParam: "code" } } },
      schema: {
        tags: ["evaluations"],
        summary: "Set the evaluation office's score (สยป. ประเมิน) for one fiscal quarter",
        params: projectParams.extend({ quarter: quarterParam }),
        headers: ifMatchHeaders,
        body: evaluationInput,
        response: { 200: quarterEvaluation, 400: problem, 404: problem, 412: problem },
      },
    },
    async (request, reply) => {
      const evaluation = await app.repos.activity.putEvaluation(
        request.params.code,
        request.params.quarter as Quarter,
        request.body,
        expectedVersion(request.headers["if-match"]),
        changeOf(request),
      );
      return reply.header("etag", etagOf(evaluation.projectVersion)).send(evaluation);
    },
  );
};

export default projectActivityRoutes;
