import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/** How long a shared cache (a CDN, the city's proxy) may serve a public list or dashboard unasked. */
export const PUBLIC_MAX_AGE_S = 30;

/**
 * Cache-Control for API reads that did not set their own: public figures may be kept for a short
 * while by shared caches (and served stale briefly while refreshed); what a signed-in user or a
 * key reads is private; writes and errors are never stored.
 */
export default fp(
  async (app: FastifyInstance) => {
    app.addHook("onSend", async (request, reply, payload) => {
      if (!request.url.startsWith("/api/v1/") || reply.hasHeader("cache-control")) return payload;
      const read = request.method === "GET" || request.method === "HEAD";
      if (!read || reply.statusCode >= 400 || request.url.startsWith("/api/v1/auth/")) {
        reply.header("cache-control", "no-store");
        return payload;
      }
      reply.header(
        "cache-control",
        request.actor?.kind === "anonymous"
          ? `public, max-age=${PUBLIC_MAX_AGE_S}, stale-while-revalidate=${4 * PUBLIC_MAX_AGE_S}`
          : "private, no-cache",
      );
      reply.header("vary", "Authorization, Cookie");
      return payload;
    });
  },
  { name: "cache-headers", dependencies: ["auth"] },
);
