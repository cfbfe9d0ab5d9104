import { spawn } from "node:child_process";
import path from "node:path";
import type { ChangePage } from "@cpm/schema";
import { describe, expect, it } from "vitest";
import { signIn, useTestApp } from "../helper";

// Runs only on the PostgreSQL server (vitest.config.ts leaves test/postgres out on the embedded database).
const apiDir = path.resolve(import.meta.dirname, "../..");

function writer(databaseUrl: string, rounds: number, seed: number, codes: string[]) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/postgres/change-writer.ts", databaseUrl, String(rounds), String(seed), ...codes],
    { cwd: apiDir, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise<{ bumps: number }>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(output)))),
  );
}

describe("the change feed while two processes write concurrently (PostgreSQL)", () => {
  const ctx = useTestApp({ demo: true });

  it("misses nothing and repeats nothing: every version of every project once", async () => {
    const admin = await signIn(ctx.app, "admin");
    const read = async (after: string | null) => {
      const res = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/changes?limit=37${after ? `&after=${after}` : ""}`,
        headers: admin,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<ChangePage>();
    };
    const last = async () => {
      const [row] = await ctx.db.prisma.$queryRaw<{ cursor: string }[]>`
        SELECT xid::text || '.' || id::text AS cursor FROM change_log ORDER BY xid DESC, id DESC LIMIT 1`;
      return row?.cursor ?? null;
    };
    // start from the end of what is there: every change the seed wrote, also those a transaction
    // still running at start-up (the calendar's) holds back for a while; else they would arrive
    // during the test and count as changes of the writers
    let cursor: string | null = null;
    const drained = Date.now() + 60_000;
    for (;;) {
      const page = await read(cursor);
      cursor = page.next;
      if (page.items.length === 0 && cursor === (await last())) break;
      expect(Date.now(), "the feed reaches the seed's last change").toBeLessThan(drained);
      if (!page.items.length) await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const projects = await ctx.db.prisma.project.findMany({
      where: { fiscalYear: 2570, deletedAt: null },
      select: { code: true, version: true },
      orderBy: { code: "asc" },
      take: 12,
    });
    const startVersion = new Map(projects.map((p) => [p.code, p.version]));
    const [database] = await ctx.db.prisma.$queryRaw<{ name: string }[]>`SELECT current_database()::text AS name`;
    const url = Object.assign(new URL(process.env.TEST_DATABASE_URL as string), {
      pathname: `/${database?.name}`,
    }).toString();

    const seen: ChangePage["items"] = [];
    let writing = true;
    const writers = Promise.all([
      writer(
        url,
        250,
        7,
        projects.map((p) => p.code),
      ),
      writer(
        url,
        250,
        11,
        projects.map((p) => p.code),
      ),
    ]).finally(() => {
      writing = false;
    });
    // poll while they write, then until the feed has reached the last change written (a transaction
    // still running elsewhere, such as the calendar's, holds the feed back until it ends)
    const deadline = Date.now() + 120_000;
    for (;;) {
      const page = await read(cursor);
      seen.push(...page.items);
      cursor = page.next;
      if (!writing && page.items.length === 0 && cursor === (await last())) break;
      expect(Date.now(), "the feed reaches the last change").toBeLessThan(deadline);
      if (!page.items.length) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [a, b] = await writers;

    const cursors = seen.map((c) => c.cursor);
    const repeated = seen.filter((c, i) => cursors.indexOf(c.cursor) !== i);
    expect(repeated, "no change repeated").toEqual([]);
    const ours = seen.filter((c) => startVersion.has(c.code));
    expect(ours).toHaveLength((a as { bumps: number }).bumps + (b as { bumps: number }).bumps);
    for (const project of projects) {
      const final = await ctx.db.prisma.project.findUniqueOrThrow({ where: { code: project.code } });
      const versions = ours.filter((c) => c.code === project.code).map((c) => c.version);
      const expected = Array.from({ length: final.version - project.version }, (_, i) => project.version + i + 1);
      // every version once: nothing missed, nothing twice (in any order: two writers' commits interleave)
      expect(
        [...versions].sort((x, y) => x - y),
        project.code,
      ).toEqual(expected);
    }
  }, 300_000);
});
