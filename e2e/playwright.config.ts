import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// One server for the run, on its own port and data directory (never the quick start's), with
// "today" pinned so that the demo data is the same on every run. Set once in the runner and
// inherited by the workers.
process.env.E2E_PORT ??= freePort();
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "cpm-e2e-"));
const port = Number(process.env.E2E_PORT);

/** A port the system has just handed out (listen on 0); the config is synchronous, so ask a child process. */
function freePort(): string {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}
const repoRoot = path.resolve(import.meta.dirname, "..");
const apiBuild = path.join(repoRoot, "apps/api/dist-e2e", String(port));

export default defineConfig({
  testDir: "tests",
  globalTeardown: "./global-teardown.ts",
  outputDir: path.join(repoRoot, "test-results"),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "th-TH",
    timezoneId: "Asia/Bangkok",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // the built server, as in production: compiled into a folder of this run's own (inside apps/api,
    // so that its imports find apps/api/node_modules), then started with plain node
    command: `node scripts/build.mjs --outdir ${apiBuild} && node --import ${apiBuild}/runtime/require-node.mjs ${apiBuild}/server.js`,
    cwd: path.join(repoRoot, "apps/api"),
    url: `http://127.0.0.1:${port}/api/v1/fiscal-years`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: process.env.E2E_DATA_DIR,
      APP_TODAY: "2026-11-25",
      LOG_LEVEL: "warn",
      COOKIE_SECURE: "false",
      RATE_LIMIT_PER_MINUTE: "100000",
      SIGN_IN_PER_MINUTE: "1000",
      DATABASE_URL: "",
    },
  },
});
