import { describe, expect, it } from "vitest";
import { useTestApp } from "../helper";

type Operation = { responses: Record<string, unknown> };
type Document = { paths: Record<string, Record<string, Operation>> };

const READ_PERMISSIONS = ["read", "history.read"];

/** Issue 9, item 9: the OpenAPI document names every status a route can answer. */
describe("the OpenAPI document against the routes' access declarations", () => {
  const ctx = useTestApp();

  it("lists 401 and 429 on every route, and 400/403/404/412/428 where the route's declarations imply them", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json<Document>();
    const declarations = ctx.app.routeDeclarations;
    expect(declarations.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const route of declarations) {
      const path = route.url.replace(/:(\w+)/g, "{$1}");
      for (const method of route.method.filter((m) => m !== "HEAD")) {
        const operation = doc.paths[path]?.[method.toLowerCase()];
        if (!operation) {
          missing.push(`${method} ${path}: not in the document`);
          continue;
        }
        const write = method !== "GET";
        const access = route.access;
        const permissions = access && access !== "public" ? [access.permission].flat() : [];
        const schema = (route.schema ?? {}) as Record<string, { shape?: Record<string, unknown> } | undefined>;
        const expected = [401, 429];
        if (write) expected.push(400, 403, 409);
        if (permissions.some((p) => !READ_PERMISSIONS.includes(p))) expected.push(403);
        if (schema.params) expected.push(400, 404);
        if (schema.querystring) expected.push(400);
        if (schema.headers?.shape && "if-match" in schema.headers.shape) expected.push(412, 428);
        for (const status of expected) {
          if (!(String(status) in operation.responses)) missing.push(`${method} ${path}: ${status}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("declares the quoted write routes' statuses (401, 403, 404, 409, 412, 428, 429)", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json<Document>();
    for (const [path, method] of [
      ["/api/v1/projects/{code}", "patch"],
      ["/api/v1/projects/{code}/reports", "post"],
      ["/api/v1/projects/{code}/reports/{id}", "delete"],
      ["/api/v1/indicators/{code}/quarters/{quarter}", "put"],
    ] as const) {
      const statuses = Object.keys(doc.paths[path]?.[method]?.responses ?? {});
      expect(statuses, `${method} ${path}`).toEqual(
        expect.arrayContaining(["401", "403", "404", "409", "412", "428", "429"]),
      );
    }
  });
});
