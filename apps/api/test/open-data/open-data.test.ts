import type { OpenDataPage } from "@cpm/schema";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { clientFor, signIn, useTestApp } from "../helper";

describe("open data: a fiscal year's projects for the city's portal", () => {
  const ctx = useTestApp({ demo: true, env: { PUBLIC_READ: "false" } });

  const get = (url: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: "GET", url: `/api/v1${url}`, headers });

  async function everyPage(): Promise<OpenDataPage["items"]> {
    const items: OpenDataPage["items"] = [];
    let next: string | null = "/api/v1/open-data/projects?fiscalYear=2570&pageSize=50";
    while (next) {
      const res = await ctx.app.inject({ method: "GET", url: next });
      expect(res.statusCode).toBe(200);
      const body: OpenDataPage = res.json();
      items.push(...body.items);
      next = body.next;
    }
    return items;
  }

  it("is public even where the rest is not, paginated, with stable ids and no personal fields", async () => {
    expect((await get("/projects?fiscalYear=2570")).statusCode).toBe(401);
    const res = await get("/open-data/projects?fiscalYear=2570&pageSize=10");
    expect(res.statusCode).toBe(200);
    const page = res.json<OpenDataPage>();
    expect(page).toMatchObject({ fiscalYear: 2570, page: 1, pageSize: 10, asOf: "2026-11-25" });
    expect(page.items).toHaveLength(10);
    expect(page.next).toBe("/api/v1/open-data/projects?fiscalYear=2570&page=2&pageSize=10");
    for (const item of page.items) {
      expect(item.id).toBe(`urn:cpm:project:${item.code}`);
      expect(Object.keys(item)).not.toContain("responsibleOfficer");
    }
    expect(res.body).not.toMatch(/responsibleOfficer|โทร|phone/);
    const all = await everyPage();
    expect(all).toHaveLength(page.total);
    const inDb = await ctx.db.prisma.project.findMany({
      where: { fiscalYear: 2570, deletedAt: null },
      select: { code: true, name: true, responsibleOfficer: true },
    });
    expect(new Set(all.map((p) => p.code))).toEqual(new Set(inDb.map((p) => p.code)));
    expect(new Set(all.map((p) => p.code)).size).toBe(all.length);
    // Thai names as stored; no officer's name anywhere
    const byCode = new Map(inDb.map((p) => [p.code, p]));
    for (const item of all) expect(item.name).toBe(byCode.get(item.code)?.name);
    const officers = new Set(inDb.map((p) => p.responsibleOfficer).filter((o) => o.length > 3));
    const body = JSON.stringify(all);
    for (const officer of officers) expect(body).not.toContain(officer);
  });

  it("answers 304 to If-None-Match and If-Modified-Since until a project of the year changes", async () => {
    const first = await get("/open-data/projects?fiscalYear=2570&pageSize=10");
    const etag = first.headers.etag as string;
    const lastModified = first.headers["last-modified"] as string;
    expect(etag).toMatch(/^"o\./);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
    expect(first.headers["cache-control"]).toContain("public");
    expect((await get("/open-data/projects?fiscalYear=2570&pageSize=10", { "if-none-match": etag })).statusCode).toBe(
      304,
    );
    expect(
      (await get("/open-data/projects?fiscalYear=2570&pageSize=10", { "if-modified-since": lastModified })).statusCode,
    ).toBe(304);
    // another page is another answer
    expect((await get("/open-data/projects?fiscalYear=2570&pageSize=20", { "if-none-match": etag })).statusCode).toBe(
      200,
    );

    // a report to a project of the year: new validators
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const project = first.json<OpenDataPage>().items[0]?.code as string;
    const admin = await signIn(ctx.app, "admin");
    const write = await clientFor(ctx.app, () => admin)("POST", `/api/v1/projects/${project}/reports`, {
      reportDate: "2026-11-24",
      percent: 55,
      narrative: "รายงานใหม่",
    });
    expect(write.statusCode, write.body).toBe(201);
    const after = await get("/open-data/projects?fiscalYear=2570&pageSize=10", { "if-none-match": etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.json<OpenDataPage>().items.find((p) => p.code === project)).toMatchObject({
      progress: 55,
      lastReportDate: "2026-11-24",
    });
    expect(
      (await get("/open-data/projects?fiscalYear=2570&pageSize=10", { "if-modified-since": lastModified })).statusCode,
    ).toBe(200);
  });

  it("gives the same projects as one CSV (UTF-8 with a BOM), and is in the OpenAPI document", async () => {
    const csv = await get("/open-data/projects.csv?fiscalYear=2570");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.body.startsWith("\uFEFF")).toBe(true);
    const records = parse(csv.body, { bom: true, columns: true }) as Record<string, string>[];
    const all = await everyPage();
    expect(records.map((r) => r.code)).toEqual(all.map((p) => p.code));
    expect(records.map((r) => r.name)).toEqual(all.map((p) => p.name));
    expect(Object.keys(records[0] ?? {})).not.toContain("responsibleOfficer");
    expect(
      (await get("/open-data/projects.csv?fiscalYear=2570", { "if-none-match": csv.headers.etag as string }))
        .statusCode,
    ).toBe(304);
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/open-data/projects", "/api/v1/open-data/projects.csv"]),
    );
    expect(doc.components.schemas).toHaveProperty("OpenDataProject");
  });
});
