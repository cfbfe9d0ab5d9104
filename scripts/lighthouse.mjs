#!/usr/bin/env node
// Lighthouse on the built web app served by the API, in Debian's Chromium: the dashboard and the
// project page, accessibility / best practices / performance and the layout shift (CLS).
//
//   pnpm lighthouse                       start a server on demo data (fresh temporary DATA_DIR,
//                                         today pinned) serving WEB_DIST (default apps/web/dist)
//   pnpm lighthouse --url http://host:port  audit a server that is already running
//   options: --preset mobile|desktop (default both), --check (exit 1 unless accessibility 100,
//            best practices ≥ 95 and CLS < 0.1 on every page), --json <file> (the figures)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const repoRoot = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    url: { type: "string" },
    preset: { type: "string", multiple: true },
    check: { type: "boolean", default: false },
    json: { type: "string" },
  },
});
const presets = values.preset ?? ["mobile", "desktop"];
const PAGES = [
  ["dashboard", "/dashboard?fiscalYear=2564"],
  ["project page", "/projects/50450000-3247"],
];
const LIMITS = { accessibility: 1, "best-practices": 0.95, cls: 0.1 };
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "cpm-lighthouse-"));
  // the built server, as the browser tests start it (e2e/playwright.config.ts): compiled into a
  // folder of this run's own, then run with plain node
  const apiBuild = path.join(repoRoot, "apps/api/dist-lighthouse", String(port));
  const command = `node scripts/build.mjs --outdir ${apiBuild} && exec node --import ${apiBuild}/runtime/require-node.mjs ${apiBuild}/server.js`;
  const child = spawn("sh", ["-c", command], {
    cwd: path.join(repoRoot, "apps/api"),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      APP_TODAY: "2026-11-25",
      LOG_LEVEL: "warn",
      COOKIE_SECURE: "false",
      RATE_LIMIT_PER_MINUTE: "100000",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
    try {
      if ((await fetch(`${url}/api/v1/fiscal-years`)).ok) break;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    stop() {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(apiBuild, { recursive: true, force: true });
    },
  };
}

function audit(url, preset) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "cpm-lh-")), "report.json");
  const args = [
    url,
    "--quiet",
    "--output=json",
    `--output-path=${out}`,
    "--only-categories=accessibility,best-practices,performance",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ...(preset === "desktop" ? ["--preset=desktop"] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, "node_modules/.bin/lighthouse"), args, {
      cwd: repoRoot,
      env: { ...process.env, CHROME_PATH: chromePath },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited ${code} on ${url}`));
      const report = JSON.parse(readFileSync(out, "utf8"));
      rmSync(path.dirname(out), { recursive: true, force: true });
      const failing = (category) =>
        report.categories[category].auditRefs
          .map((ref) => report.audits[ref.id])
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
          .map((a) => a.id);
      resolve({
        accessibility: report.categories.accessibility.score,
        "best-practices": report.categories["best-practices"].score,
        performance: report.categories.performance.score,
        cls: report.audits["cumulative-layout-shift"].numericValue,
        lcpMs: Math.round(report.audits["largest-contentful-paint"].numericValue),
        failing: [...failing("accessibility"), ...failing("best-practices")],
      });
    });
  });
}

const server = values.url ? { url: values.url.replace(/\/$/, ""), stop() {} } : await startServer();
const results = [];
try {
  for (const preset of presets) {
    for (const [name, pagePath] of PAGES) {
      const r = await audit(`${server.url}${pagePath}`, preset);
      results.push({ page: name, path: pagePath, preset, ...r });
      console.log(
        `${name.padEnd(13)} ${preset.padEnd(8)} accessibility ${Math.round(r.accessibility * 100)}  best practices ${Math.round(
          r["best-practices"] * 100,
        )}  performance ${Math.round(r.performance * 100)}  CLS ${r.cls.toFixed(3)}  LCP ${r.lcpMs} ms${
          r.failing.length ? `  failing: ${r.failing.join(", ")}` : ""
        }`,
      );
    }
  }
} finally {
  server.stop();
}
if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
const bad = results.filter(
  (r) =>
    r.accessibility < LIMITS.accessibility || r["best-practices"] < LIMITS["best-practices"] || r.cls >= LIMITS.cls,
);
if (values.check && bad.length > 0) {
  console.error(
    `below the bar (accessibility 100, best practices ≥ 95, CLS < 0.1): ${bad.map((r) => `${r.page} ${r.preset}`).join(", ")}`,
  );
  process.exit(1);
}
