import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type ReadRoute, withReadRoute } from "../../db/database";
import type { Env } from "../../env";

/** After a write, the same client reads from the primary for this long (replicas lag well under it). */
export const READ_YOUR_WRITES_MS = 10_000;
/** Set after a successful write: until when (epoch ms) this browser's reads go to the primary. */
export const READ_YOUR_WRITES_COOKIE = "cpm_rw_until";
/** Sent by a client (another system, another process) that wrote: read from the primary until this epoch ms. */
export const READ_YOUR_WRITES_HEADER = "x-read-your-writes";
/** Returned after a successful write: the value to send back as X-Read-Your-Writes. */
export const READ_YOUR_WRITES_UNTIL_HEADER = "x-read-your-writes-until";

const READ_METHODS = new Set(["GET", "HEAD"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const epochMs = (value: unknown): number => {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(n) ? n : 0;
};

/**
 * Which database a request's lagging reads (`db.laggingReads()`) may use. A GET or HEAD may read
 * from a replica unless its client wrote within READ_YOUR_WRITES_MS: read-your-writes across
 * stateless processes rides on a short-lived cookie (browsers) or header (API clients), since
 * another process may serve the next request.
 */
export default fp(
  async (app: FastifyInstance, opts: { env: Env }) => {
    const routes = new WeakMap<FastifyRequest, ReadRoute>();
    app.addHook("onRequest", (request, _reply, done) => {
      const until = Math.max(
        epochMs(request.cookies?.[READ_YOUR_WRITES_COOKIE]),
        epochMs(request.headers[READ_YOUR_WRITES_HEADER]),
      );
      const route: ReadRoute = { mayLag: READ_METHODS.has(request.method) && until <= Date.now() };
      routes.set(request, route);
      // the next hooks run inside this context …
      withReadRoute(route, done);
    });
    // … but after a request body was read, Fastify continues from the stream's events, outside it
    app.addHook("preValidation", (request, _reply, done) => {
      const route = routes.get(request);
      if (route) withReadRoute(route, done);
      else done();
    });

    app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply) => {
      if (SAFE_METHODS.has(request.method) || reply.statusCode >= 400) return;
      const until = Date.now() + READ_YOUR_WRITES_MS;
      const secure =
        opts.env.COOKIE_SECURE === "true" || (opts.env.COOKIE_SECURE === "auto" && request.protocol === "https");
      reply.setCookie(READ_YOUR_WRITES_COOKIE, String(until), {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure,
        maxAge: READ_YOUR_WRITES_MS / 1000,
      });
      reply.header(READ_YOUR_WRITES_UNTIL_HEADER, String(until));
      // let browser apps of other origins (CORS_ORIGINS) read it too
      const exposed = reply.getHeader("access-control-expose-headers");
      if (typeof exposed === "string" && exposed) {
        reply.header("access-control-expose-headers", `${exposed}, ${READ_YOUR_WRITES_UNTIL_HEADER}`);
      }
    });
  },
  { name: "read-routing", dependencies: ["db", "auth"] },
);
