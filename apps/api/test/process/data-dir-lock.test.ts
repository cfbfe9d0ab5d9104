import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ProjectDetail } from "@cpm/schema";
import { afterAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../src/db/seed/users";
import { type ServerProcess, addressOf as serverAddress, startServer } from "../support/server-process";

const addressOf = (server: ServerProcess) => serverAddress(server, 120);

describe("one process per embedded data directory", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cpm-lock-"));
  const started: ServerProcess[] = [];
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
