import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ProjectDetail } from "@cpm/schema";
import { afterAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../src/db/seed/users";
import { TEST_TODAY } from "../helper";

const apiDir = path.resolve(import.meta.dirname, "../..");

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(dataDir: string): Started {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: apiDir,
    env: { ...process.env, DATA_DIR: dataDir, PORT: "0", APP_TODAY: TEST_TODAY, LOG_LEVEL: "warn", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function addressOf(server: Started): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const match = /web app:\s+(http:\/\/\S+?)\/\s/.exec(server.output());
    if (match?.[1]) return match[1];
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${server.output()}`);
}

describe("one process per embedded data directory", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cpm-lock-"));
  const started: Started[] = [];
  afterAll(() => {
    for (const s of started) s.child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses a second process with a clear message, and restarts after kill -9 with all data", async () => {
    const first = startServer(dataDir);
    started.push(first);
    const base = await addressOf(first);
    const projectUrl = `${base}/api/v1/projects/50450000-3247`;
    expect((await fetch(projectUrl)).status).toBe(200);

    const second = startServer(dataDir);
    started.push(second);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain(`in use by process ${first.child.pid}`);
    expect((await fetch(projectUrl)).status).toBe(200);

    const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "officer.wangthonglang", password: demoPassword("officer.wangthonglang") }),
    });
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const etag = (await fetch(projectUrl)).headers.get("etag") as string;
    const report = await fetch(`${projectUrl}/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken, "if-match": etag },
      body: JSON.stringify({ reportDate: "2021-09-30", percent: 100, narrative: "บันทึกก่อนปิดเครื่องกะทันหัน" }),
    });
    expect(report.status).toBe(201);
    const total = ((await (await fetch(`${base}/api/v1/projects`)).json()) as { total: number }).total;

    first.child.kill("SIGKILL");
    await first.exited;

    const third = startServer(dataDir);
    started.push(third);
    const again = await addressOf(third);
    const project = (await (await fetch(`${again}/api/v1/projects/50450000-3247`)).json()) as ProjectDetail;
    expect(project.reports).toHaveLength(13);
    expect(project.reports[0]?.narrative).toBe("บันทึกก่อนปิดเครื่องกะทันหัน");
    expect(((await (await fetch(`${again}/api/v1/projects`)).json()) as { total: number }).total).toBe(total);
    third.child.kill("SIGTERM");
    expect(await third.exited).toBe(0);
  }, 180_000);
});
