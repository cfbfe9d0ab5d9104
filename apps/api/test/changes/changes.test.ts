import type { ChangePage } from "@cpm/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { clientFor, signIn, useTestApp } from "../helper";

describe("GET /api/v1/changes (the change feed)", () => {
  const ctx = useTestApp();
  let admin: Record<string, string> = {};
  beforeAll(async () => {
    admin = await signIn(ctx.app, "admin");
  });

  /** Every change after the cursor, page by page; the cursor to go on from. */
  async function readAll(after: string | null, headers = admin, limit = 3) {
    const items: ChangePage["items"] = [];
    let cursor = after;
    for (;;) {
      const res = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/changes?limit=${limit}${cursor ? `&after=${cursor}` : ""}`,
        headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<ChangePage>();
      items.push(...page.items);
      if (page.items.length === 0) return { items, cursor: page.next };
      cursor = page.next;
    }
  }

  it("lists the seeded records, then each write after the cursor once, with its kind and version", async () => {
    const seeded = await readAll(null);
    expect(seeded.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entity: "project", code: "50450000-3247", kind: "created", version: 1 }),
        expect.objectContaining({ entity: "indicator", code: "5045-861", kind: "created" }),
      ]),
    );
    const inject = clientFor(ctx.app, () => admin);
    const created = await inject("POST", "/api/v1/projects", {
      unitCode: "50450000",
      fiscalYear: 2570,
      name: "โครงการทดสอบฟีดการเปลี่ยนแปลง",
    });
    expect(created.statusCode, created.body).toBe(201);
    const code = created.json().code as string;
    expect((await inject("PATCH", `/api/v1/projects/${code}`, { objectives: "ทดสอบ" })).statusCode).toBe(200);
    const report = await inject("POST", `/api/v1/projects/${code}/reports`, { reportDate: "2026-11-20", percent: 5 });
    expect(report.statusCode, report.body).toBe(201);
    expect((await inject("DELETE", `/api/v1/projects/${code}`)).statusCode).toBe(204);
    expect((await inject("POST", `/api/v1/projects/${code}/restore`)).statusCode).toBe(200);

    const next = await readAll(seeded.cursor);
    expect(next.items.filter((c) => c.code === code).map((c) => [c.kind, c.version])).toEqual([
      ["created", 1],
      ["updated", 2],
      ["updated", 3],
      ["deleted", 4],
      ["restored", 5],
    ]);
    // cursors only move forward, each change once
    const cursors = [...seeded.items, ...next.items].map((c) => c.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
    // nothing new: the same cursor again, no items
    const idle = await readAll(next.cursor);
    expect(idle).toEqual({ items: [], cursor: next.cursor });
  });

  it("is for API keys and signed-in users; a malformed cursor is a 400 naming it", async () => {
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/changes" })).statusCode).toBe(401);
    const key = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: admin,
      payload: { name: "mirror", scope: "read", unitCodes: [] },
    });
    expect(key.statusCode, key.body).toBe(201);
    const viaKey = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/changes?limit=1",
      headers: { authorization: `Bearer ${key.json().key}` },
    });
    expect(viaKey.statusCode).toBe(200);
    expect(viaKey.json().items).toHaveLength(1);
    const bad = await ctx.app.inject({ method: "GET", url: "/api/v1/changes?after=abc", headers: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain("after");
    // numbers past what xid8 and bigint hold are refused too (they failed the cast with a 500)
    for (const cursor of ["99999999999999999999.1", "1.99999999999999999999", "9223372036854775808.1"]) {
      const huge = await ctx.app.inject({ method: "GET", url: `/api/v1/changes?after=${cursor}`, headers: admin });
      expect(huge.statusCode, cursor).toBe(400);
    }
  });
});
