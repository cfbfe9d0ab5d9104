import { problem } from "@cpm/schema";
import type { FastifyInstance, RouteOptions } from "fastify";
import fp from "fastify-plugin";
import type { Access } from "./auth";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const READS = new Set(["read", "history.read"]);

const has = (schema: unknown, key: string) =>
  typeof schema === "object" && schema !== null && key in ((schema as { shape?: object }).shape ?? schema);

/**
 * The error statuses an API route can answer, from what it declares: its access (401 for a
 * refused or missing credential, 403 for a write, a CSRF failure or a permission beyond reading;
 * 409 for a write),
 * its inputs (400; 413 and 415 with a body), its path (404), If-Match (412, 428), and the rate
 * limit (429).
 */
export function errorStatusesOf(route: Pick<RouteOptions, "method" | "schema" | "config">): number[] {
  const methods = [route.method].flat();
  const access = (route.config as { access?: Access } | undefined)?.access;
  const schema = route.schema ?? {};
  const write = methods.some((m) => !SAFE.has(m));
  const statuses = new Set([401, 429]);
  const permissions = access && access !== "public" ? [access.permission].flat() : [];
  if (write || permissions.some((p) => !READS.has(p)) || access === undefined) statuses.add(403);
  // a write can meet a conflict: a code taken, a month already submitted, a record in another state
  if (write) statuses.add(409);
  if (schema.params || schema.querystring || schema.body || write) statuses.add(400);
  if (schema.body) {
    statuses.add(413);
    statuses.add(415);
  }
  if (schema.params || (access && access !== "public" && access.unit)) statuses.add(404);
  if (schema.params) statuses.add(414);
  if (has(schema.headers, "if-match")) {
    statuses.add(412);
    statuses.add(428);
  }
  return [...statuses].sort();
}

export interface RouteDeclaration {
  method: string[];
  url: string;
  access: Access | undefined;
  schema: RouteOptions["schema"];
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every API route as declared: its access and schemas (what the OpenAPI document is checked against). */
    routeDeclarations: RouteDeclaration[];
  }
}

/** Every API route's OpenAPI entry lists the error statuses it can answer, as problem+json. */
export default fp(
  async (app: FastifyInstance) => {
    const declarations: RouteDeclaration[] = [];
    app.decorate("routeDeclarations", declarations);
    app.addHook("onRoute", (route) => {
      if (!route.url.startsWith("/api/v1/") || route.schema?.hide) return;
      const access = (route.config as { access?: Access } | undefined)?.access;
      declarations.push({ method: [route.method].flat(), url: route.url, access, schema: route.schema });
      const response = { ...((route.schema?.response as Record<number, unknown>) ?? {}) };
      for (const status of errorStatusesOf(route)) response[status] ??= problem;
      route.schema = { ...route.schema, response };
    });
  },
  { name: "declared-statuses" },
);
