import { type ChangePage, changePage, changesQuery, problem } from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DomainError } from "../../../lib/problems";

interface Row {
  id: string;
  xid: string;
  entity: "project" | "indicator";
  code: string;
  kind: "created" | "updated" | "deleted" | "restored";
  version: number;
  at: Date;
}

/**
 * The change feed for other systems keeping a copy in step. Changes come in the order of their
 * transactions' ids, and only those of transactions older than the oldest one still running: a
 * transaction that commits late is not yet listed (its changes come after the cursor, not behind
 * it), so a cursor never skips a change nor repeats one, whatever commits concurrently.
 */
const changesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/changes",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags: ["changes"],
        summary:
          "What changed (projects and indicators), in commit order, after a cursor (API keys and signed-in users)",
        description:
          "Poll with `after` = the previous answer's `next`. Each item names the entity, its code, the kind of change, " +
          "its time and the record's version after it; read the record itself for its content. Changes are listed " +
          "once every transaction that started before them has ended, so a cursor never skips a change that commits " +
          "late and never repeats one.",
        querystring: changesQuery,
        response: { 200: changePage, 400: problem, 401: problem },
      },
    },
    async (request): Promise<ChangePage> => {
      if (request.actor.kind === "anonymous") {
        throw new DomainError(401, "unauthenticated", "Unauthorized", {
          th: "กรุณาเข้าสู่ระบบ หรือส่ง API key ที่ยังใช้ได้",
          en: "Sign in, or send a valid API key",
        });
      }
      const { after, limit } = request.query;
      const [xid, id] = after ? after.split(".") : ["0", "0"];
      // the primary: a replica's snapshot may lag
      const rows = await app.db.prisma.$queryRaw<Row[]>`
        SELECT id::text AS id, xid::text AS xid, entity, code, kind, version, at
        FROM change_log
        WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
          AND (xid, id) > (${xid}::text::xid8, ${id}::text::bigint)
        ORDER BY xid, id
        LIMIT ${limit}`;
      const items = rows.map((row) => ({
        entity: row.entity,
        code: row.code,
        kind: row.kind,
        time: row.at.toISOString(),
        version: row.version,
        cursor: `${row.xid}.${row.id}`,
      }));
      return { items, next: items.at(-1)?.cursor ?? after ?? null };
    },
  );
};

export default changesRoutes;
