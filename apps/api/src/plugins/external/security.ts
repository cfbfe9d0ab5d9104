import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Env } from "../../env";
import { DomainError } from "../../lib/problems";

const tooMany = (ttlMs: number) =>
  new DomainError(429, "rate-limited", "Too Many Requests", {
    th: `ส่งคำขอมากเกินไป กรุณาลองใหม่ใน ${Math.ceil(ttlMs / 1000)} วินาที`,
    en: `Too many requests; try again in ${Math.ceil(ttlMs / 1000)} s`,
  });

/** Sign-in attempts per user name (lower-cased), whichever addresses they come from. */
export function signInLimitPerUserName(app: FastifyInstance, max: number) {
  const check = app.createRateLimit({
    max,
    timeWindow: "1 minute",
    keyGenerator: (request) =>
      `sign-in-user:${String((request.body as { username?: unknown })?.username).toLowerCase()}`,
  });
  return async (request: FastifyRequest) => {
    const limit = await check(request);
    if (!limit.isAllowed && limit.isExceeded) throw tooMany(limit.ttl);
  };
}

/** The security headers of every response (HSTS apart: only over https). */
export const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  // only over https: a browser ignores it over http, and a proxy in front says which it was
  strictTransportSecurity: false,
};

/** Security headers, the CORS allow-list and rate limits (per proven API key, else per IP). */
export default fp(
  async (app: FastifyInstance, opts: { env: Env }) => {
    await app.register(helmet, SECURITY_HEADERS);
    app.addHook("onRequest", async (request, reply) => {
      if (request.protocol === "https")
        reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    });
    await app.register(cors, {
      origin: opts.env.CORS_ORIGINS.length ? opts.env.CORS_ORIGINS : false,
      credentials: true,
      exposedHeaders: ["etag", "location"],
    });
    await app.register(rateLimit, {
      max: opts.env.RATE_LIMIT_PER_MINUTE,
      timeWindow: "1 minute",
      // the limit runs as a route hook, after authentication: a key counts apart once proven valid;
      // an invalid or unknown credential is counted by IP, and refused after it is counted
      keyGenerator: (request) =>
        request.actor?.kind === "apiKey" ? `key:${request.actor.apiKeyId}` : `ip:${request.ip}`,
      errorResponseBuilder: (_request, context) => tooMany(context.ttl),
    });
  },
  { name: "security" },
);
