import {
  fiscalYearParam,
  MONTH_TRANSITIONS,
  type MonthTransition,
  monthParam,
  monthTransitionInput,
  problem,
  projectActions,
  projectCode,
  reportingMonth,
  unitCode,
} from "@cpm/schema";
import { monthEndsOf } from "@cpm/schema/rules";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { decide } from "../../../auth/policy";
import { changeOf } from "../../../lib/change-context";
import { invalid } from "../../../lib/problems";
import { etagOf, expectedVersion } from "../../../lib/versions";
import { reportingMonthsRepository } from "../../../repositories/reporting-months-repository";
import { ifMatchHeaders } from "./projects";

const tags = ["reporting months"];
const params = z.strictObject({ code: unitCode, month: monthParam });
const errors = { 400: problem, 401: problem, 403: problem, 404: problem };

const SUMMARIES: Record<MonthTransition, string> = {
  submit: "Submit the unit's month for approval (its officers or head); its reports are locked meanwhile",
  approve: "Approve a submitted month (the unit's head): its reports stay locked",
  return: "Return a submitted month to the officers with a comment (the unit's head): unlocked again",
  reopen: "Reopen an approved month for a correction, with the reason (the unit's head): kept in the history",
};

/** รอบรายงานประจำเดือน: a unit's months, their transitions, and what the current user may do. */
const reportingMonthsRoutes: FastifyPluginAsyncZod = async (app) => {
  const months = reportingMonthsRepository(app.db.prisma);

  app.get(
    "/units/:code/months",
    {
      config: { access: { permission: "read", unit: { unitCodeParam: "code" } } },
      schema: {
        tags,
        summary: "A unit's reporting months of a fiscal year (October to September), with what the user may do",
        params: z.strictObject({ code: unitCode }),
        querystring: z.strictObject({ fiscalYear: fiscalYearParam }),
        response: { 200: z.array(reportingMonth), ...errors },
      },
    },
    async (request) => {
      const list = monthEndsOf(request.query.fiscalYear).map((end) => end.slice(0, 7));
      return months.list(request.params.code, list, changeOf(request), request.unitAncestry);
    },
  );

  app.get(
    "/units/:code/months/:month",
    {
      config: { access: { permission: "read", unit: { unitCodeParam: "code" } } },
      schema: {
        tags,
        summary: "A unit's reporting month (YYYY-MM), with what the user may do",
        params,
        response: { 200: reportingMonth, ...errors },
      },
    },
    async (request, reply) => {
      const month = await months.get(
        request.params.code,
        request.params.month,
        changeOf(request),
        request.unitAncestry,
      );
      return reply.header("etag", etagOf(month.version)).send(month);
    },
  );

  for (const transition of MONTH_TRANSITIONS) {
    app.post(
      `/units/:code/months/:month/${transition}`,
      {
        config: {
          access: {
            permission: transition === "submit" ? "month.submit" : "month.decide",
            unit: { unitCodeParam: "code" },
          },
        },
        schema: {
          tags,
          summary: SUMMARIES[transition],
          params,
          headers: ifMatchHeaders,
          body: monthTransitionInput.nullish(),
          response: { 200: reportingMonth, 409: problem, 412: problem, ...errors },
        },
      },
      async (request, reply) => {
        const comment = request.body?.comment;
        if ((transition === "return" || transition === "reopen") && !comment) {
          throw invalid("comment", "required", {
            th: transition === "return" ? "ต้องระบุเหตุผลที่ส่งกลับ" : "ต้องระบุเหตุผลที่เปิดเดือนนี้ใหม่",
            en: transition === "return" ? "Say why the month is returned" : "Say why the month is reopened",
          });
        }
        const ifMatch = request.headers["if-match"];
        const updated = await months.transition(
          request.params.code,
          request.params.month,
          transition,
          comment,
          ifMatch === undefined ? undefined : expectedVersion(ifMatch),
          changeOf(request),
          request.unitAncestry,
        );
        return reply.header("etag", etagOf(updated.version)).send(updated);
      },
    );
  }

  app.get(
    "/projects/:code/actions",
    {
      config: { access: { permission: "read", unit: { projectCodeParam: "code" } } },
      schema: {
        tags,
        summary: "What the current user may do with a project (for a month, default this month)",
        params: z.strictObject({ code: projectCode }),
        querystring: z.strictObject({ month: monthParam.optional() }),
        response: { 200: projectActions, ...errors },
      },
    },
    async (request) => {
      const month = request.query.month ?? app.clock.today().slice(0, 7);
      const of = await months.monthOfProject(request.params.code, `${month}-01`);
      const state = of?.state ?? "open";
      const unitMonth = await months.get(of?.unitCode ?? "", month, changeOf(request), request.unitAncestry);
      const options = { publicRead: false, unitAncestry: request.unitAncestry };
      const mayWrite = decide(request.actor, "project.write", options) === "allow";
      return {
        mayEdit: mayWrite,
        mayReport: unitMonth.actions.mayEdit,
        maySubmit: unitMonth.actions.maySubmit,
        mayApprove: unitMonth.actions.mayApprove,
        mayEvaluate: decide(request.actor, "evaluation.write", options) === "allow",
        month,
        monthState: state,
      };
    },
  );
};

export default reportingMonthsRoutes;
