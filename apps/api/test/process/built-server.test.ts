import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../src/db/seed/users";
import { TEST_TODAY } from "../helper";

const apiDir = path.resolve(import.meta.dirname, "../..");

/**
 * The production build (scripts/build.mjs) copied outside the repository, beside a link to the
 * API's node_modules only: it must run with plain node (no tsx), find its migrations and seed files
 * in its own folder, and shut down gracefully.
 */
describe("the built server, outside the source tree", () => {
  const root = mkdtempSync(path.join(tmpdir(), "cpm-built-"));
  const dist = path.join(root, "app/dist");
  let child: ChildProcess;
  let output = "";
  let base = "";
  let exited: Promise<number | null>;

  beforeAll(async () => {
    execFileSync(process.execPath, ["scripts/build.mjs", "--outdir", dist], { cwd: apiDir, stdio: "pipe" });
    symlinkSync(path.join(apiDir, "node_modules"), path.join(root, "app/node_modules"), "dir");
    child = spawn(process.execPath, ["--import", "./dist/runtime/require-node.mjs", "dist/server.js"], {
      cwd: path.join(root, "app"),
      env: {
        PATH: process.env.PATH,
        DATA_DIR: path.join(root, "data"),
        PORT: "0",
        APP_TODAY: TEST_TODAY,
        LOG_LEVEL: "info",
        COOKIE_SECURE: "false",
        SHUTDOWN_GRACE_MS: "20000",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
    for (let i = 0; i < 900 && !base; i++) {
      base = /web app:\s+(http:\/\/\S+?)\/\s/.exec(output)?.[1] ?? "";
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      if (!base) await new Promise((r) => setTimeout(r, 200));
    }
    if (!base) throw new Error(`server did not start: ${output}`);
  }, 240_000);

  afterAll(() => {
    if (child?.exitCode === null) child.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
  });

  it("is JavaScript with its own migrations and seed files, and no TypeScript or tsx in it", () => {
    const files = readdirSync(dist);
    expect(files).toContain("server.js");
    expect(files.filter((f) => f.endsWith(".ts"))).toEqual([]);
    expect(readdirSync(path.join(dist, "prisma/migrations")).length).toBeGreaterThan(0);
    expect(existsSync(path.join(dist, "seed/units.csv"))).toBe(true);
    expect(readFileSync(path.join(dist, "server.js"), "utf8")).not.toMatch(/from "tsx"|"@cpm\/schema"/);
  });

  it("serves from its own layout: ready, the seeded reference project, compressed", async () => {
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    const project = await fetch(`${base}/api/v1/projects/50450000-3247`, { headers: { "accept-encoding": "br" } });
    expect(project.status).toBe(200);
    expect(project.headers.get("content-encoding")).toBe("br");
    expect(((await project.json()) as { code: string }).code).toBe("50450000-3247");
  });

  it("on SIGTERM finishes a request in flight, refuses new ones, then exits 0", async () => {
    const body = JSON.stringify({ username: "admin", password: demoPassword("admin") });
    const url = new URL(`${base}/api/v1/auth/sign-in`);
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      // half the body now, SIGTERM, the rest after a while: the request is in flight during the shutdown
      req.write(body.slice(0, 10));
      setTimeout(() => {
        child.kill("SIGTERM");
        setTimeout(() => {
          req.end(body.slice(10));
        }, 700);
      }, 300);
    });
    await new Promise((r) => setTimeout(r, 600)); // SIGTERM sent, the request not finished yet
    await expect(fetch(`${base}/health`)).rejects.toThrow(); // no new connections
    const answered = await response;
    expect(answered.status, answered.body).toBe(200);
    expect(JSON.parse(answered.body).user.username).toBe("admin");
    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM: closing after the requests in flight");
  }, 60_000);

  it("exits 1 once SHUTDOWN_GRACE_MS has passed while a request still has not finished", async () => {
    const again = spawn(process.execPath, ["--import", "./dist/runtime/require-node.mjs", "dist/server.js"], {
      cwd: path.join(root, "app"),
      env: {
        PATH: process.env.PATH,
        DATA_DIR: path.join(root, "data"),
        PORT: "0",
        LOG_LEVEL: "info",
        SHUTDOWN_GRACE_MS: "1500",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    again.stdout?.on("data", (chunk) => (log += chunk));
    again.stderr?.on("data", (chunk) => (log += chunk));
    const gone = new Promise<number | null>((resolve) => again.on("exit", (code) => resolve(code)));
    let address = "";
    for (let i = 0; i < 900 && !address; i++) {
      address = /web app:\s+(http:\/\/\S+?)\/\s/.exec(log)?.[1] ?? "";
      if (!address) await new Promise((r) => setTimeout(r, 200));
    }
    const url = new URL(`${address}/api/v1/auth/sign-in`);
    // a body that never arrives whole: the request is in flight until the server gives up on it
    const stuck = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: "POST",
      headers: { "content-type": "application/json", "content-length": 1000 },
    });
    stuck.on("error", () => {});
    stuck.write('{"username":');
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    again.kill("SIGTERM");
    expect(await gone).toBe(1);
    expect(Date.now() - signalled).toBeLessThan(15_000);
    expect(log).toContain("killed by timeout");
    stuck.destroy();
  }, 240_000);
});
