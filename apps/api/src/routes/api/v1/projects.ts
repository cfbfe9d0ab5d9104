import {
  asOfQuery,
  problem,
  projectCode,
  projectCreate,
  projectDetail,
  projectHistory,
  projectListQuery,
  projectMove,
  projectPage,
  projectPatch,
} from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { sendAnswer } from "../../../lib/answer-cache";
import { changeOf } from "../../../lib/change-context";
import { checkNewFiscalYear } from "../../../lib/fiscal-bounds";
import { forReader } from "../../../lib/privacy";
import { notFound } from "../../../lib/problems";
import { etagOf, expectedVersion, notModified } from "../../../lib/versions";
import type { Access } from "../../../plugins/app/auth";

const tags = ["projects"];
export const projectParams = z.strictObject({ code: projectCode });
/** If-Match carries the version from a read's ETag; a stale one gets 412. */
export const ifMatchHeaders = z.object({ "if-match": z.string().optional() });
export const READ: Access = { permission: "read" };
export const WRITE_PROJECT: Access = { permission: "project.write", unit: { projectCodeParam: "code" } };

const projectsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/projects",
    {
      config: { access: READ },
      schema: {
        tags,
        summary: "Projects, filtered, sorted and paginated",
        description:
          "`unit` includes its sub-units; `q` searches the name (Thai, normalised) and the code; `status` and " +
          "`reportedThisMonth` are computed as of `asOf` (default today, Asia/Bangkok).",
        querystring: projectListQuery,
        response: { 200: projectPage, 400: problem },
      },
    },
    async (request) => {
      const today = app.clock.today();
      // a list carries no personal details (the officer's phone is on the detail only)
      return app.repos.projects.list(request.query, request.query.asOf ?? today, today);
    },
  );

  app.post(
    "/projects",
    {
      config: { access: { permission: "project.write", unit: { unitCodeBody: "unitCode" } } },
      schema: {
        tags,
        summary: "Create a project; without a code the unit's next number is assigned",
        body: projectCreate,
        response: { 201: projectDetail, 400: problem, 409: problem },
      },
    },
    async (request, reply) => {
      checkNewFiscalYear(request.body.fiscalYear, app.clock.currentFiscalYear());
      const created = await app.repos.projects.create(request.body, app.clock.today(), changeOf(request));
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
      config: { access: READ },
      schema: {
        tags,
        summary: "A project with its plan, reports, evaluations and indicators, and its computed progress",
        params: projectParams,
        querystring: asOfQuery,
        headers: z.object({ "if-none-match": z.string().optional() }),
        response: {
          200: projectDetail,
          304: z.null().describe("Not Modified: the ETag sent is current"),
          400: problem,
          404: problem,
        },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const asOf = request.query.asOf ?? app.clock.today();
      const reader = request.actor.kind === "anonymous" ? "public" : "private";
      // one indexed lookup decides: 304, the cached copy of this very version, or a fresh read
      const validator = await app.repos.projects.validator(code, asOf, reader);
      if (!validator) throw notFound("project", code, "โครงการ");
      reply.header("cache-control", `${reader}, no-cache`).header("vary", "Authorization, Cookie");
      if (notModified(request.headers["if-none-match"], validator.etag)) {
        return reply.header("etag", validator.etag).status(304).send(null);
      }
      const key = `${code} ${validator.etag}`;
      const cached = app.repos.projects.cache.get(key);
      if (cached) return sendAnswer(request, reply, { etag: validator.etag, json: cached });
      const project = forReader(request.actor, await app.repos.projects.get(code, asOf));
      // written meanwhile: serve what was read, under its own version, and cache nothing
      if (project.version !== validator.version) return reply.header("etag", etagOf(project.version)).send(project);
      const json = app.repos.projects.cache.put(key, projectDetail, project);
      return sendAnswer(request, reply, { etag: validator.etag, json });
    },
  );

  app.get(
    "/projects/:code/history",
    {
      config: { access: { permission: "history.read" } },
      schema: {
        tags,
        summary: "Who changed what and when (signed-in users and API keys)",
        params: projectParams,
        response: { 200: projectHistory, 401: problem, 404: problem },
      },
    },
    async (request) => ({ items: await app.repos.projects.history(request.params.code) }),
  );

  app.patch(
    "/projects/:code",
    {
      config: { access: WRITE_PROJECT },
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
        changeOf(request),
      );
      return reply.header("etag", etagOf(project.version)).send(project);
    },
  );

  app.delete(
    "/projects/:code",
    {
      config: { access: WRITE_PROJECT },
      schema: {
        tags,
        summary: "Delete a project (soft: the record and its history stay, the code stays taken)",
        params: projectParams,
        headers: ifMatchHeaders,
        response: { 204: z.undefined(), 404: problem, 412: problem },
      },
    },
    async (request, reply) => {
      await app.repos.projects.softDelete(
        request.params.code,
        expectedVersion(request.headers["if-match"]),
        app.clock.today(),
        changeOf(request),
      );
      return reply.status(204).send();
    },
  );

  app.post(
    "/projects/:code/restore",
    {
      config: { access: { permission: "admin" } },
      schema: {
        tags,
        summary: "Bring back a deleted project (admins)",
        params: projectParams,
        response: { 200: projectDetail, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const project = await app.repos.projects.restore(request.params.code, app.clock.today(), changeOf(request));
      return reply.header("etag", etagOf(project.version)).send(project);
    },
  );

  app.post(
    "/projects/:code/move",
    {
      config: {
        access: { permission: "project.write", unit: [{ projectCodeParam: "code" }, { unitCodeBody: "unitCode" }] },
      },
      schema: {
        tags,
        summary: "Hand a project to another unit; needs the right to write both units' projects",
        params: projectParams,
        headers: ifMatchHeaders,
        body: projectMove,
        response: { 200: projectDetail, 400: problem, 404: problem, 412: problem },
      },
    },
    async (request, reply) => {
      const project = await app.repos.projects.move(
        request.params.code,
        request.body.unitCode,
        expectedVersion(request.headers["if-match"]),
        app.clock.today(),
        changeOf(request),
      );
      return reply.header("etag", etagOf(project.version)).send(project);
    },
  );
};

export default projectsRoutes;
