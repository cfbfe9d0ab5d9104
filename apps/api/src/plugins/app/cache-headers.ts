import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

/** How long a shared cache (a CDN, the city's proxy) may serve a public list or dashboard unasked. */
export const PUBLIC_MAX_AGE_S = 30;

const PRIVATE_PERMISSIONS = new Set<string>(["history.read", "admin"]);

/** A route whose answers are never stored by any cache, the browser's included. */
function isPrivateRoute(request: FastifyRequest): boolean {
  if (request.url.startsWith("/api/v1/auth/")) return true;
  const access = request.routeOptions.config.access;
  if (!access || access === "public") return false;
  return [access.permission].flat().some((permission) => PRIVATE_PERMISSIONS.has(permission));
}

/**
 * Cache-Control for API reads that did not set their own: public figures may be kept for a short
 * while by shared caches (and served stale briefly while refreshed); what a signed-in user or a
 * key reads is private; writes and errors are never stored.
 */
export default fp(
  async (app: FastifyInstance) => {
    app.addHook("onSend", async (request, reply, payload) => {
      if (!request.url.startsWith("/api/v1/")) return payload;
      // personal or secret: the session and its CSRF token, history, users, API keys
      if (isPrivateRoute(request)) {
        reply.header("cache-control", "no-store");
        return payload;
      }
      if (reply.hasHeader("cache-control")) return payload;
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
