import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { currentEtag, signIn, useTestApp } from "../helper";
import { databaseFingerprint } from "../support/db-fingerprint";
import { arbitraryFor, type JsonSchema, type Known } from "./openapi-arbitraries";

/**
 * Issue 9, item 1: every operation of the OpenAPI document, driven by its own schemas (values
 * plausible, at the edges and hostile), as an admin and anonymously: never a 5xx, only statuses
 * the document declares, and a refused request changes nothing stored.
 * Seeded: FUZZ_SEED and FUZZ_RUNS (runs per operation) reproduce or widen a run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

// the document is read once, before the tests are collected, from an app of its own
const serverErrors: string[] = [];
const ctx = useTestApp({
  beforeReady: (app) => {
    // what a 500 was, for the failure message (the client only sees the request id)
    app.addHook("onError", async (_request, reply, error) => {
      if (reply.statusCode >= 500 || !error.statusCode)
        serverErrors.push(error.message.replace(/\s+/g, " ").slice(-300));
    });
  },
});
let doc: Document;
const known: Known = {};
let admin: Record<string, string> = {};

beforeAll(async () => {
  doc = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json<Document>();
  admin = await signIn(ctx.app, "admin");
  const p = ctx.db.prisma;
  const projects = (await p.project.findMany({ select: { code: true }, take: 3 })).map((r) => r.code);
  const indicators = (await p.indicator.findMany({ select: { code: true }, take: 3 })).map((r) => r.code);
  const reports = (await p.progressReport.findMany({ select: { id: true }, take: 3 })).map((r) => r.id);
  const units = ["50450000", "14000000", "10000000"];
  Object.assign(known, {
    code: [...projects, ...indicators, ...units],
    unitCode: units,
    unit: units,
    parent: units,
    unitCodes: [units.slice(0, 1)],
    projectCodes: [projects.slice(0, 1), []],
    id: [...reports, 1, 2_147_483_647],
    quarter: [1, 2, 3, 4],
    username: ["executive", "evaluator", "officer.finance", "nobody"],
    fiscalYear: [2570, 2569, 2564],
    reportDate: ["2026-11-20", "2021-09-30"],
  });
});

const OPERATIONS: [string, string][] = [];

describe("every route of the OpenAPI document, fuzzed", () => {
  it("reads the document", async () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith("/api/v1/")) continue;
      for (const method of Object.keys(methods)) OPERATIONS.push([method.toUpperCase(), path]);
    }
    expect(OPERATIONS.length).toBeGreaterThan(30);
  });

  it("never answers 5xx, answers only declared statuses, and a refused request changes nothing", async () => {
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    let current = await databaseFingerprint(ctx.db);
    let index = 0;
    for (const [method, path] of OPERATIONS) {
      const operation = doc.paths[path]?.[method.toLowerCase()] as Operation;
      const parameters = operation.parameters ?? [];
      const param = (where: Parameter["in"]) =>
        fc.record(
          Object.fromEntries(
            parameters
              .filter((p) => p.in === where && p.name !== "if-match" && p.name !== "if-none-match")
              .map((p) => [p.name, arbitraryFor(p.schema, doc.components.schemas, known, p.name)]),
          ),
          { requiredKeys: where === "path" ? undefined : [] },
        );
      const bodySchema = operation.requestBody?.content["application/json"]?.schema;
      const request = fc.record({
        actor: fc.oneof(
          { weight: 1, arbitrary: fc.constant("anonymous") },
          { weight: 3, arbitrary: fc.constant("admin") },
        ),
        path: param("path"),
        query: param("query"),
        body: bodySchema ? arbitraryFor(bodySchema, doc.components.schemas, known) : fc.constant(undefined),
        ifMatch: fc.oneof(
          { weight: 4, arbitrary: fc.constant("current") },
          { weight: 1, arbitrary: fc.constantFrom(undefined, '"1"', '"garbage"', 'W/"99999999999"') },
        ),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const url =
            path.replace(/\{(\w+)\}/g, (_, name: string) => encodeAny(String(r.path[name]))) +
            queryString(r.query as Record<string, unknown>);
          const headers: Record<string, string> = r.actor === "admin" ? { ...admin } : {};
          if (r.ifMatch === "current") {
            const etag = await currentEtag(ctx.app, url, admin);
            if (etag) headers["if-match"] = etag;
          } else if (r.ifMatch) headers["if-match"] = r.ifMatch;
          const res = await ctx.app.inject({
            method: method as "GET",
            url,
            headers: r.body === undefined ? headers : { ...headers, "content-type": "application/json" },
            ...(r.body === undefined ? {} : { payload: JSON.stringify(r.body) }),
          });
          const what = `${method} ${url.slice(0, 200)} as ${r.actor}${r.body === undefined ? "" : ` with ${JSON.stringify(r.body).slice(0, 300)}`}`;
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          if (res.statusCode >= 500) failures.push(`${res.statusCode}: ${what}: ${serverErrors.at(-1)}`);
          else if (!(String(res.statusCode) in operation.responses) && res.statusCode !== 304) {
            failures.push(`${res.statusCode} not declared: ${what}`);
          }
          const after = await databaseFingerprint(ctx.db);
          if (res.statusCode >= 400) {
            const changed = Object.keys(after).filter((table) => after[table] !== current[table]);
            if (changed.length) failures.push(`refused ${res.statusCode} but changed ${changed.join(", ")}: ${what}`);
          }
          current = after;
          // a write may have signed the admin out or changed them: sign in again
          if (r.actor === "admin" && (path.startsWith("/api/v1/auth/") || path.startsWith("/api/v1/users"))) {
            const session = await ctx.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: admin });
            if (session.statusCode !== 200) admin = await signIn(ctx.app, "admin");
          }
        }),
        { seed: SEED + index++, numRuns: RUNS },
      );
    }
    if (process.env.FUZZ_VERBOSE) console.log(statuses);
    expect(failures).toEqual([]);
    // the inputs reach the handlers too, not only the validation
    const succeeded = Object.entries(statuses)
      .filter(([s]) => Number(s) < 300)
      .reduce((n, [, c]) => n + c, 0);
    expect(succeeded).toBeGreaterThan(OPERATIONS.length * RUNS * 0.15);
  }, 600_000);
});

function queryString(query: Record<string, unknown>): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeAny(typeof value === "string" ? value : JSON.stringify(value))}`);
  return pairs.length ? `?${pairs.join("&")}` : "";
}

/** encodeURIComponent, except that a lone surrogate is sent as the bytes a careless client would send. */
function encodeAny(text: string): string {
  return text.replace(/[\s\S]/gu, (char) => {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join("");
    }
    return encodeURIComponent(char);
  });
}
