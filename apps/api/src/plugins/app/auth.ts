import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type Actor, ANONYMOUS } from "../../auth/actor";
import { decide, type Permission } from "../../auth/policy";
import type { Env } from "../../env";
import { DomainError, notFound } from "../../lib/problems";
import { type AuthRepository, authRepository } from "../../repositories/auth-repository";

export const SESSION_COOKIE = "cpm_session";
export const CSRF_HEADER = "x-csrf-token";

/** Where a write's unit comes from, so that the policy can scope it. */
export type UnitTarget =
  | { projectCodeParam: string }
  | { indicatorCodeParam: string }
  | { unitCodeBody: string }
  | { unitCodeParam: string };

/**
 * Every route declares who may call it; a route without a declaration is refused. With several
 * unit targets (moving a project from one unit to another), the write must be allowed on each.
 */
export type Access = "public" | { permission: Permission | Permission[]; unit?: UnitTarget | UnitTarget[] };

declare module "fastify" {
  interface FastifyInstance {
    auth: AuthRepository;
  }
  interface FastifyRequest {
    actor: Actor;
    /** A credential that did not hold: refused once the request has been counted by the rate limit. */
    credentialRefusal: DomainError | null;
    /** The target unit and the units above it, for a write scoped to a unit. */
    unitAncestry: number[];
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

const unauthenticated = () =>
  new DomainError(401, "unauthenticated", "Unauthorized", {
    th: "กรุณาเข้าสู่ระบบ หรือส่ง API key ที่ยังใช้ได้",
    en: "Sign in, or send a valid API key",
  });

export const forbidden = (reason?: { th: string; en: string }) =>
  new DomainError(403, "forbidden", "Forbidden", reason ?? { th: "คุณไม่มีสิทธิ์ทำรายการนี้", en: "You may not do this" });

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export default fp(
  async (app: FastifyInstance, opts: { env: Env }) => {
    const auth = authRepository(app.db.prisma);
    app.decorate("auth", auth);
    await app.register(cookie);
    app.decorateRequest("actor", null as never);
    app.decorateRequest("unitAncestry", null as never);
    app.decorateRequest("credentialRefusal", null);

    // Who is calling: a Bearer API key, or a session cookie (whose writes must carry the CSRF token).
    // A credential that does not hold leaves the caller anonymous (counted by IP by the rate limit,
    // a route hook that runs after this one) and is refused in preParsing.
    app.addHook("onRequest", async (request) => {
      request.actor = ANONYMOUS;
      request.unitAncestry = [];
      // /health, /ready, /metrics: the metrics scraper's Bearer token is not an API key (operations.ts checks it)
      if (request.routeOptions.config.operations) return;
      request.credentialRefusal = null;
      const header = request.headers.authorization;
      if (header) {
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        const actor = match?.[1] ? await auth.actorForApiKey(match[1]) : null;
        if (!actor) request.credentialRefusal = unauthenticated();
        else request.actor = actor;
        return;
      }
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const actor = await auth.actorForSession(token);
      if (actor?.kind !== "user") return;
      if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== actor.csrfToken) {
        request.credentialRefusal = forbidden({
          th: "คำขอไม่มีรหัสป้องกัน CSRF ที่ถูกต้อง กรุณาโหลดหน้าใหม่",
          en: `Missing or wrong ${CSRF_HEADER} header for a signed-in write; reload the page`,
        });
        return;
      }
      request.actor = actor;
    });

    // Authentication before anything is read or validated: a refused credential, or an anonymous
    // caller where anonymous callers may not go, is a 401 whatever the body, the parameters or
    // whether the record exists (no existence oracle with PUBLIC_READ=false).
    app.addHook("preParsing", async (request) => {
      if (request.credentialRefusal) throw request.credentialRefusal;
      const access = request.routeOptions.config.access;
      if (request.actor.kind !== "anonymous" || access === "public") return;
      if (!request.routeOptions.url?.startsWith("/api/v1/") || !access) return;
      const permissions = Array.isArray(access.permission) ? access.permission : [access.permission];
      if (!permissions.some((p) => decide(ANONYMOUS, p, { publicRead: opts.env.PUBLIC_READ }) === "allow")) {
        throw unauthenticated();
      }
    });

    // Authorization, after validation: the route's declared permission, scoped to its unit.
    app.addHook("preHandler", async (request: FastifyRequest) => {
      const access = request.routeOptions.config.access;
      if (access === "public") return;
      // the versioned API is guarded; the web app's files and the API docs are public
      if (!request.routeOptions.url?.startsWith("/api/v1/")) return;
      if (!access) throw forbidden();
      const targets = access.unit === undefined ? [] : Array.isArray(access.unit) ? access.unit : [access.unit];
      const ancestries = targets.length ? await Promise.all(targets.map((t) => ancestryOf(t, request))) : [[]];
      request.unitAncestry = ancestries[0] ?? [];
      const permissions = Array.isArray(access.permission) ? access.permission : [access.permission];
      for (const unitAncestry of ancestries) {
        const decisions = permissions.map((p) =>
          decide(request.actor, p, { publicRead: opts.env.PUBLIC_READ, unitAncestry }),
        );
        if (decisions.includes("allow")) continue;
        if (decisions.includes("unauthenticated")) throw unauthenticated();
        throw forbidden();
      }
    });

    async function ancestryOf(target: UnitTarget, request: FastifyRequest): Promise<number[]> {
      const params = request.params as Record<string, string>;
      const body = (request.body ?? {}) as Record<string, string>;
      if ("projectCodeParam" in target) {
        const code = params[target.projectCodeParam] as string;
        return (await auth.unitAncestry({ projectCode: code })) ?? raise(notFound("project", code, "โครงการ"));
      }
      if ("indicatorCodeParam" in target) {
        const code = params[target.indicatorCodeParam] as string;
        return (await auth.unitAncestry({ indicatorCode: code })) ?? raise(notFound("indicator", code, "ตัวชี้วัด"));
      }
      const code = ("unitCodeBody" in target ? body[target.unitCodeBody] : params[target.unitCodeParam]) as string;
      return (await auth.unitAncestry({ unitCode: code })) ?? [];
    }
  },
  { name: "auth", dependencies: ["db"] },
);

function raise(error: Error): never {
  throw error;
}
