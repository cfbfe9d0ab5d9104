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
import { decide } from "../../../auth/policy";
import { assertMayLinkProjects, changedLinks } from "../../../auth/project-links";
import { changeOf } from "../../../lib/change-context";
import { checkNewFiscalYear } from "../../../lib/fiscal-bounds";
import { etagOf, expectedVersion } from "../../../lib/versions";
import { forbidden } from "../../../plugins/app/auth";
import { ifMatchHeaders } from "./projects";

const tags = ["indicators"];
const params = z.strictObject({ code: indicatorCode });
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 412: problem, 428: problem };

const indicatorsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/indicators",
    {
      config: { access: { permission: "read" } },
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
      config: { access: { permission: "indicator.write", unit: { unitCodeBody: "unitCode" } } },
      schema: {
        tags,
        summary: "Create an indicator",
        body: indicatorInput,
        response: { 201: indicatorDetail, 409: problem, ...errors },
      },
    },
    async (request, reply) => {
      checkNewFiscalYear(request.body.fiscalYear, app.clock.currentFiscalYear());
      await assertMayLinkProjects(app, request, request.body.projectCodes);
      const created = await app.repos.indicators.create(request.body, changeOf(request));
      return reply.status(201).header("etag", etagOf(created.version)).send(created);
    },
  );

  app.get(
    "/indicators/:code",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags,
        summary: "An indicator with its quarter results and supporting projects",
        params,
        response: { 200: indicatorDetail, 400: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const indicator = await app.repos.indicators.get(request.params.code);
      return reply.header("etag", etagOf(indicator.version)).send(indicator);
    },
  );

  app.patch(
    "/indicators/:code",
    {
      config: { access: { permission: "indicator.write", unit: { indicatorCodeParam: "code" } } },
      schema: {
        tags,
        summary: "Change an indicator",
        params,
        headers: ifMatchHeaders,
        body: indicatorPatch,
        response: { 200: indicatorDetail, ...errors },
      },
    },
    async (request, reply) => {
      if (request.body.projectCodes) {
        const linked = (await app.repos.indicators.get(request.params.code)).projects.map((p) => p.code);
        const { added, removed } = changedLinks(linked, request.body.projectCodes);
        await assertMayLinkProjects(app, request, [...added, ...removed]);
      }
      const updated = await app.repos.indicators.update(
        request.params.code,
        request.body,
        expectedVersion(request.headers["if-match"]),
        changeOf(request),
      );
      return reply.header("etag", etagOf(updated.version)).send(updated);
    },
  );

  app.put(
    "/indicators/:code/quarters/:quarter",
    {
      config: { access: { permission: ["indicator.write", "indicator.score"], unit: { indicatorCodeParam: "code" } } },
      schema: {
        tags,
        summary: "Set one quarter's result (ผลงาน, by the unit's officers) and scores 2.1 / 2.2 (by evaluators)",
        params: params.extend({ quarter: quarterParam }),
        headers: ifMatchHeaders,
        body: indicatorQuarterInput,
        response: { 200: indicatorDetail, ...errors },
      },
    },
    async (request, reply) => {
      const quarter = request.params.quarter as Quarter;
      const current = (await app.repos.indicators.get(request.params.code)).quarters.find((q) => q.quarter === quarter);
      const options = { publicRead: false, unitAncestry: request.unitAncestry };
      const valueChanged = current?.value !== request.body.value;
      const scoresChanged =
        (current?.score21 ?? null) !== request.body.score21 || (current?.score22 ?? null) !== request.body.score22;
      if (valueChanged && decide(request.actor, "indicator.write", options) !== "allow") {
        throw forbidden({ th: "เฉพาะเจ้าหน้าที่ของหน่วยงานบันทึกผลงานได้", en: "Only the unit's officers record the result" });
      }
      if (scoresChanged && decide(request.actor, "indicator.score", options) !== "allow") {
        throw forbidden({ th: "เฉพาะผู้ประเมินบันทึกผลประเมิน 2.1 / 2.2 ได้", en: "Only evaluators record scores 2.1 / 2.2" });
      }
      const updated = await app.repos.indicators.putQuarter(
        request.params.code,
        quarter,
        request.body,
        expectedVersion(request.headers["if-match"]),
        changeOf(request),
      );
      return reply.header("etag", etagOf(updated.version)).send(updated);
    },
  );
};

export default indicatorsRoutes;
