import { timingSafeEqual } from "node:crypto";
import underPressure from "@fastify/under-pressure";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { pendingMigrations } from "../../db/migrate";
import type { Env } from "../../env";
import { DomainError } from "../../lib/problems";

declare module "fastify" {
  interface FastifyContextConfig {
    /** an operations route (/health, /ready, /metrics): answered under overload, not rate-limited */
    operations?: boolean;
  }
}

/** A readiness check that takes longer than this counts as a database that does not answer. */
const READY_TIMEOUT_MS = 2_000;

const problem = (reply: FastifyReply, status: number, title: string, detail: string, extra: object = {}) =>
  reply
    .status(status)
    .type("application/problem+json")
    .header("cache-control", "no-store")
    .send({ type: "about:blank", title, status, detail, ...extra });

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Overload protection (@fastify/under-pressure): above the OVERLOAD_* thresholds every request but
 * the operations routes gets 503 problem+json with Retry-After. Global, so registered with fp.
 */
export const overload = fp(
  async (app: FastifyInstance, opts: { env: Env }) => {
    const { env } = opts;
    await app.register(underPressure, {
      maxEventLoopDelay: env.OVERLOAD_MAX_EVENT_LOOP_DELAY_MS,
      maxEventLoopUtilization: env.OVERLOAD_MAX_EVENT_LOOP_UTILIZATION,
      maxHeapUsedBytes: env.OVERLOAD_MAX_HEAP_USED_BYTES,
      maxRssBytes: env.OVERLOAD_MAX_RSS_BYTES,
      sampleInterval: env.OVERLOAD_SAMPLE_INTERVAL_MS,
      // a rejection goes to the error handler: problem+json with the security headers
      pressureHandler: async (request: FastifyRequest, reply: FastifyReply, type: string) => {
        if (request.routeOptions.config.operations) return; // answered anyway
        const seconds = env.OVERLOAD_RETRY_AFTER_S;
        reply.header("retry-after", String(seconds)).header("cache-control", "no-store");
        throw new DomainError(503, "overloaded", "Service Unavailable", {
          th: `ระบบมีผู้ใช้งานมากเกินไป กรุณาลองใหม่ในอีก ${seconds} วินาที`,
          en: `The server is overloaded (${type}); try again in ${seconds} seconds`,
        });
      },
    });
  },
  { name: "overload" },
);

/**
 * `/health`: the process is alive and serving (a liveness probe; never touches the database).
 * `/ready`: the database answers and every migration of this build is applied (a readiness
 * probe: a load balancer sends traffic only then), 503 otherwise, with the reason.
 * `/metrics`: Prometheus text, only with METRICS_TOKEN set and sent as `Authorization: Bearer …`.
 *
 * Registered before the auth plugin, in a context of its own, so that the scraper's Bearer token is
 * not taken for an API key; none of them appears in the OpenAPI document or counts against the rate limit.
 */
export const operationsRoutes = async (app: FastifyInstance, opts: { env: Env }) => {
  const config = { operations: true, rateLimit: false } as const;
  const schema = { hide: true } as const;

  app.get("/health", { config, schema }, async (_request, reply) => {
    reply.header("cache-control", "no-store");
    return { status: "ok" };
  });

  app.get("/ready", { config, schema }, async (_request, reply) => {
    let pending: string[];
    try {
      pending = await Promise.race([
        pendingMigrations(app.db, opts.env.MIGRATIONS_DIR),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS).unref(),
        ),
      ]);
    } catch (error) {
      return problem(reply, 503, "Service Unavailable", `The database does not answer: ${(error as Error).message}`, {
        checks: { database: "down" },
      });
    }
    if (pending.length > 0) {
      return problem(reply, 503, "Service Unavailable", `Migrations not applied yet: ${pending.join(", ")}`, {
        checks: { database: "up", migrations: "pending" },
        pendingMigrations: pending,
      });
    }
    reply.header("cache-control", "no-store");
    return { status: "ready", checks: { database: "up", migrations: "applied" } };
  });

  app.get("/metrics", { config, schema }, async (request, reply) => {
    const token = opts.env.METRICS_TOKEN;
    if (!app.metrics || !token) return problem(reply, 404, "Not Found", "Metrics are off (set METRICS_TOKEN)");
    const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    if (!given || !sameToken(given, token)) {
      reply.header("www-authenticate", 'Bearer realm="metrics"');
      return problem(reply, 401, "Unauthorized", "Send the metrics token as Authorization: Bearer <METRICS_TOKEN>");
    }
    reply.header("cache-control", "no-store").type(app.metrics.contentType);
    return app.metrics.metrics();
  });
};
