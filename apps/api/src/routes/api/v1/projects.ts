import {
  asOfQuery,
  listOf,
  problem,
  projectCode,
  projectCreate,
  projectDetail,
  projectListQuery,
  projectPatch,
  projectSummary,
} from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { etagOf, expectedVersion } from "../../../lib/versions";

const tags = ["projects"];
export const projectParams = z.strictObject({ code: projectCode });
/** If-Match carries the version from a read's ETag; a stale one gets 412. */
export const ifMatchHeaders = z.object({ "if-match": z.string().optional() });

const projectsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/projects",
    {
      schema: {
        tags,
        summary: "Projects, filtered, sorted and paginated",
        description:
          "`unit` includes its sub-units; `q` searches the name (Thai, normalised) and the code; `status` and " +
          "`reportedThisMonth` are computed as of `asOf` (default today, Asia/Bangkok).",
        querystring: projectListQuery,
        response: { 200: listOf(projectSummary), 400: problem },
      },
    },
    async (request) => app.repos.projects.list(request.query, request.query.asOf ?? app.clock.today()),
  );

  app.post(
    "/projects",
    {
      schema: {
        tags,
        summary: "Create a project; without a code the unit's next number is assigned",
        body: projectCreate,
        response: { 201: projectDetail, 400: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const created = await app.repos.projects.create(request.body, app.clock.today());
      return reply
        .status(201)
        .header("etag", etagOf(created.version))
        .header("location", `/api/v1/projects/${created.code}`)
        .send(created);
    },
  );

  app.get(
    "/projects/:code",
    {
      schema: {
        tags,
        summary: "A project with its plan, reports, evaluations and indicators, and its computed progress",
        params: projectParams,
        querystring: asOfQuery,
        response: { 200: projectDetail, 400: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const project = await app.repos.projects.get(request.params.code, request.query.asOf ?? app.clock.today());
      return reply.header("etag", etagOf(project.version)).send(project);
    },
  );

  app.patch(
    "/projects/:code",
    {
      schema: {
        tags,
        summary: "Change some of a project's fields",
        params: projectParams,
        headers: ifMatchHeaders,
        body: projectPatch,
        response: { 200: projectDetail, 400: problem, 404: problem, 412: problem },
      },
    },
    async (request, reply) => {
      const project = await app.repos.projects.update(
        request.params.code,
        request.body,
        expectedVersion(request.headers["if-match"]),
        app.clock.today(),
      );
      return reply.header("etag", etagOf(project.version)).send(project);
    },
  );

  app.delete(
    "/projects/:code",
    {
      schema: {
        tags,
        summary: "Delete a project (soft: the record and its history stay, the code stays taken)",
        params: projectParams,
        headers: ifMatchHeaders,
        response: { 204: z.undefined(), 404: problem, 412: problem },
      },
    },
    async (request, reply) => {
      await app.repos.projects.softDelete(request.params.code, expectedVersion(request.headers["if-match"]));
      return reply.status(204).send();
    },
  );
};

export default projectsRoutes;
