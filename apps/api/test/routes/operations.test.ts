import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "../../src/db/migrate";
import { startTestApp, useTestApp } from "../helper";

const METRICS_TOKEN = "metrics-token-for-the-test-0123456789";
const REF = "/api/v1/projects/50450000-3247";

/** A built web app as Vite lays it out: index.html, hashed assets, root files. */
function fakeWebDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cpm-web-"));
  mkdirSync(path.join(dir, "assets"));
  const filler = "/* ติดตามโครงการ */ ".repeat(400);
  writeFileSync(
    path.join(dir, "index.html"),
    `<!doctype html><html lang="th"><head><meta name="description" content="x"><script type="module" src="/assets/index-C0ffee12.js"></script></head><body><div id="root"></div><!-- ${filler} --></body></html>`,
  );
  writeFileSync(path.join(dir, "assets/index-C0ffee12.js"), `console.log(1);${filler}`);
  writeFileSync(path.join(dir, "robots.txt"), "User-agent: *\nDisallow: /api/\n");
  return dir;
}

describe("operations: health, readiness, metrics, compression and cache headers", () => {
  const webDist = fakeWebDist();
  const ctx = useTestApp({ env: { METRICS_TOKEN, WEB_DIST: webDist } });
  afterAll(() => rmSync(webDist, { recursive: true, force: true }));

  it("/health answers 200 without touching anything, and is not cached", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("sets the server's timeouts: a whole request, an idle keep-alive connection, an idle socket", () => {
    expect(ctx.app.server.requestTimeout).toBe(30_000);
    expect(ctx.app.server.keepAliveTimeout).toBe(65_000);
    expect(ctx.app.server.timeout).toBe(120_000);
  });

  it("/ready answers 200 once the database answers and every migration is applied", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/ready" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: "ready", checks: { database: "up", migrations: "applied" } });
  });

  it("/metrics refuses a request without the token or with a wrong one", async () => {
    const none = await ctx.app.inject({ method: "GET", url: "/metrics" });
    expect(none.statusCode).toBe(401);
    expect(none.headers["content-type"]).toContain("application/problem+json");
    expect(none.headers["www-authenticate"]).toContain("Bearer");
    expect(none.body).not.toContain("cpm_http_requests_total");
    const wrong = await ctx.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${METRICS_TOKEN}x` },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it("/metrics counts requests per route pattern (not per URL), with latency buckets", async () => {
    await ctx.app.inject({ method: "GET", url: REF });
    await ctx.app.inject({ method: "GET", url: "/api/v1/projects/50450000-0000" }); // 404 on the same route
    const res = await ctx.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    const text = res.body;
    expect(text).toMatch(
      /cpm_http_requests_total\{method="GET",route="\/api\/v1\/projects\/:code",status_code="200"\} [1-9]/,
    );
    expect(text).toMatch(
      /cpm_http_requests_total\{method="GET",route="\/api\/v1\/projects\/:code",status_code="404"\} 1/,
    );
    expect(text).toContain(
      'cpm_http_request_duration_seconds_bucket{le="0.1",method="GET",route="/api/v1/projects/:code"',
    );
    expect(text).not.toContain("50450000-3247");
    expect(text).toContain("cpm_nodejs_eventloop_lag_seconds");
    if (ctx.db.kind === "postgres") expect(text).toMatch(/cpm_db_pool_connections\{state="total"\} \d+/);
  });

  it("compresses API answers with brotli or gzip as the client accepts, the same JSON inside", async () => {
    const url = "/api/v1/units";
    const plain = await ctx.app.inject({ method: "GET", url });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await ctx.app.inject({ method: "GET", url, headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString("utf8"))).toEqual(plain.json());

    const gzip = await ctx.app.inject({ method: "GET", url, headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString("utf8"))).toEqual(plain.json());
  });

  it("keeps ETag and 304 of the project detail and the dashboard under compression", async () => {
    for (const url of [REF, "/api/v1/dashboard?fiscalYear=2564"]) {
      const plain = await ctx.app.inject({ method: "GET", url });
      expect(plain.statusCode, url).toBe(200);
      const etag = plain.headers.etag as string;
      expect(etag, url).toBeTruthy();
      const br = await ctx.app.inject({ method: "GET", url, headers: { "accept-encoding": "br" } });
      expect(br.headers.etag, url).toBe(etag);
      if (br.headers["content-encoding"] === "br") {
        expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString("utf8"))).toEqual(plain.json());
      }
      const again = await ctx.app.inject({
        method: "GET",
        url,
        headers: { "accept-encoding": "br, gzip", "if-none-match": etag },
      });
      expect(again.statusCode, url).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect(again.headers["content-encoding"]).toBeUndefined();
    }
  });

  it("caches hashed assets for a year, revalidates index.html, and compresses both", async () => {
    const asset = await ctx.app.inject({
      method: "GET",
      url: "/assets/index-C0ffee12.js",
      headers: { "accept-encoding": "br" },
    });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(asset.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(asset.rawPayload).toString("utf8")).toMatch(/^console\.log\(1\);/);

    for (const url of ["/", "/index.html"]) {
      const page = await ctx.app.inject({ method: "GET", url, headers: { "accept-encoding": "gzip" } });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers["cache-control"], url).toBe("no-cache");
      expect(page.headers["content-type"], url).toContain("text/html");
      expect(page.headers["content-encoding"], url).toBe("gzip");
      expect(gunzipSync(page.rawPayload).toString("utf8"), url).toContain('<div id="root">');
    }
    // the app's own routes get index.html too, never cached without revalidation
    for (const url of ["/projects/50450000-3247", "/dashboard/50450000"]) {
      const page = await ctx.app.inject({ method: "GET", url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers["cache-control"], url).toBe("no-cache");
      expect(page.body, url).toContain('<div id="root">');
    }
  });

  it("serves robots.txt as text, and a missing file as 404 instead of the app's HTML", async () => {
    const robots = await ctx.app.inject({ method: "GET", url: "/robots.txt" });
    expect(robots.statusCode).toBe(200);
    expect(robots.headers["content-type"]).toContain("text/plain");
    expect(robots.body).toContain("User-agent: *");
    for (const url of ["/assets/index-gone0000.js", "/favicon.ico", "/sitemap.xml"]) {
      const missing = await ctx.app.inject({ method: "GET", url });
      expect(missing.statusCode, url).toBe(404);
      expect(missing.headers["content-type"], url).toContain("application/problem+json");
    }
  });
});

describe("operations when not ready or overloaded", () => {
  let started: Awaited<ReturnType<typeof startTestApp>>;
  const migrations = mkdtempSync(path.join(tmpdir(), "cpm-migrations-"));
  beforeAll(async () => {
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    mkdirSync(path.join(migrations, "99990101000000_not_yet_applied"));
    writeFileSync(path.join(migrations, "99990101000000_not_yet_applied/migration.sql"), "SELECT 1;\n");
    started = await startTestApp({
      env: {
        MIGRATIONS_DIR: migrations,
        // every heap is over one byte: overloaded from the first sample on
        OVERLOAD_MAX_HEAP_USED_BYTES: "1",
        OVERLOAD_SAMPLE_INTERVAL_MS: "20",
        OVERLOAD_RETRY_AFTER_S: "7",
      },
    });
    // closed by the test below, and again by close(): once is enough
    const closeDb = started.db.close.bind(started.db);
    let closed = false;
    started.db.close = async () => {
      if (closed) return;
      closed = true;
      await closeDb();
    };
  });
  afterAll(async () => {
    await started?.close();
    rmSync(migrations, { recursive: true, force: true });
  });

  it("answers 503 with Retry-After under overload, but still answers /health", async () => {
    await new Promise((r) => setTimeout(r, 200));
    const res = await started.app.inject({ method: "GET", url: REF });
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("7");
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().message.th).toContain("7 วินาที");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect((await started.app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
  });

  it("keeps /metrics off without METRICS_TOKEN", async () => {
    const res = await started.app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain("cpm_http");
  });

  it("/ready answers 503 naming a migration that is not applied", async () => {
    const res = await started.app.inject({ method: "GET", url: "/ready" });
    expect(res.statusCode).toBe(503);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({
      status: 503,
      checks: { database: "up", migrations: "pending" },
      pendingMigrations: ["99990101000000_not_yet_applied"],
    });
  });

  it("/ready answers 503 when the database does not answer; /health still 200", async () => {
    await started.db.close();
    const res = await started.app.inject({ method: "GET", url: "/ready" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ checks: { database: "down" } });
    expect((await started.app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
  });
});
