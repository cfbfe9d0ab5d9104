import { LOCKED_MONTH_STATES } from "@cpm/schema";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { monthLocked, reportingMonthsRepository } from "../../repositories/reporting-months-repository";

/**
 * A submitted or approved month locks its unit's reports of that month: adding, correcting or
 * withdrawing one is refused with 409 before the write (a database trigger keeps it so under a
 * concurrent approval). Registered before the report routes, after authorization.
 */
export default fp(
  async (app: FastifyInstance) => {
    const months = reportingMonthsRepository(app.db.prisma);

    async function assertOpen(projectCode: string, reportDate: string | null | undefined) {
      if (!reportDate) return;
      const month = await months.monthOfProject(projectCode, reportDate);
      if (month && LOCKED_MONTH_STATES.includes(month.state)) throw monthLocked(month.unitName, reportDate.slice(0, 7));
    }

    app.addHook("preHandler", async (request: FastifyRequest) => {
      const url = request.routeOptions.url ?? "";
      if (!url.endsWith("/projects/:code/reports") && !url.endsWith("/projects/:code/reports/:id")) return;
      if (request.method === "GET" || request.method === "HEAD") return;
      const params = request.params as { code: string; id?: string | number };
      const body = (request.body ?? {}) as { reportDate?: string };
      if (params.id !== undefined) await assertOpen(params.code, await months.reportDateOf(Number(params.id)));
      await assertOpen(params.code, body.reportDate);
    });
  },
  { name: "reporting-month-lock", dependencies: ["db", "auth"] },
);
