import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { sha256 } from "../../auth/tokens";
import type { Env } from "../../env";

/** Security headers, the CORS allow-list and rate limits (per API key, else per IP). */
export default fp(
  async (app: FastifyInstance, opts: { env: Env }) => {
    await app.register(helmet, {
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
    });
    await app.register(cors, {
      origin: opts.env.CORS_ORIGINS.length ? opts.env.CORS_ORIGINS : false,
      credentials: true,
      exposedHeaders: ["etag", "location"],
    });
    await app.register(rateLimit, {
      max: opts.env.RATE_LIMIT_PER_MINUTE,
      timeWindow: "1 minute",
      keyGenerator: (request) => {
        const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
        return bearer ? `key:${sha256(bearer).slice(0, 16)}` : `ip:${request.ip}`;
      },
    });
  },
  { name: "security" },
);
