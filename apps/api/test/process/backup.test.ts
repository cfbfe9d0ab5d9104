import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../src/db/seed/users";
import { type ServerProcess, addressOf as serverAddress, startServer as startProcess } from "../support/server-process";

const apiDir = path.resolve(import.meta.dirname, "../..");

// a busy machine may take more than the default 10 s to close; this test is about backups
const startServer = (dataDir: string) => startProcess(dataDir, { SHUTDOWN_GRACE_MS: "60000" });
const addressOf = (server: ServerProcess) => serverAddress(server, 300);

const command = (args: string[], dataDir: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli/backup.ts", ...args], {
    cwd: apiDir,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    encoding: "utf8",
  });

/** What a reader sees: the list (every project's code, name, progress) and the reference project whole. */
async function snapshot(base: string) {
  const list = (await (await fetch(`${base}/api/v1/projects?pageSize=200&sort=code`)).json()) as {
    total: number;
    items: { code: string; name: string; progress: number | null }[];
  };
  const reference = await (await fetch(`${base}/api/v1/projects/50450000-3247`)).json();
  return { total: list.total, items: list.items.map((p) => [p.code, p.name, p.progress]), reference };
}

describe("backups of the embedded database", () => {
  const root = mkdtempSync(path.join(tmpdir(), "cpm-backup-"));
  const dataDir = path.join(root, "data");
  const restoredDir = path.join(root, "restored");
  const file = path.join(root, "backup.sql");
  const started: ServerProcess[] = [];
  afterAll(() => {
    for (const s of started) if (s.child.exitCode === null) s.child.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
  });

  it("backs up while the server runs, and the restore into a fresh data directory serves the same projects", async () => {
    const first = startServer(dataDir);
    started.push(first);
    const base = await addressOf(first);

    // a change just before the backup must be in it
    const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "officer.wangthonglang", password: demoPassword("officer.wangthonglang") }),
    });
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const projectUrl = `${base}/api/v1/projects/50450000-3247`;
    const etag = (await fetch(projectUrl)).headers.get("etag") as string;
    const report = await fetch(`${projectUrl}/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken, "if-match": etag },
      body: JSON.stringify({ reportDate: "2021-09-30", percent: 100, narrative: "สำรองข้อมูลแล้ว ✓ “ครบถ้วน”" }),
    });
    expect(report.status, await report.text()).toBe(201);
    const before = await snapshot(base);

    const backup = command(["backup", file], dataDir);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain("from the running server");
    const sql = readFileSync(file, "utf8");
    expect(sql).toContain("PostgreSQL database dump");
    expect(sql).toContain("สำรองข้อมูลแล้ว ✓ “ครบถ้วน”");
    // the server kept serving meanwhile
    expect((await fetch(projectUrl)).status).toBe(200);

    first.child.kill("SIGTERM");
    expect(await first.exited, first.output()).toBe(0);

    // never over a data directory in use or with data
    const refused = command(["restore", file], dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("not empty");

    const restore = command(["restore", file], restoredDir);
    expect(restore.status, restore.stderr).toBe(0);

    const second = startServer(restoredDir);
    started.push(second);
    const again = await addressOf(second);
    const after = await snapshot(again);
    expect(after.total).toBe(before.total);
    expect(after.items).toEqual(before.items);
    expect(after.reference).toEqual(before.reference);
    // and it takes writes (the sequences came back too: the history row gets a new id)
    const signInAgain = await fetch(`${again}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "officer.wangthonglang", password: demoPassword("officer.wangthonglang") }),
    });
    expect(signInAgain.status).toBe(200);
    const token = ((await signInAgain.json()) as { csrfToken: string }).csrfToken;
    const session = (signInAgain.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const restoredUrl = `${again}/api/v1/projects/50450000-3247`;
    const patch = await fetch(restoredUrl, {
      method: "PATCH",
      headers: {
        "content-type": "application/json",
        cookie: session,
        "x-csrf-token": token,
        "if-match": (await fetch(restoredUrl)).headers.get("etag") as string,
      },
      body: JSON.stringify({ targets: "เป้าหมายหลังกู้คืนข้อมูล" }),
    });
    expect(patch.status, await patch.text()).toBe(200);
    second.child.kill("SIGTERM");
    expect(await second.exited, second.output()).toBe(0);
  }, 700_000);

  it("backs up a data directory no server holds, and says so", () => {
    const stopped = command(["backup", path.join(root, "stopped.sql")], restoredDir);
    expect(stopped.status, stopped.stderr).toBe(0);
    expect(stopped.stdout).toContain("from the data directory");
  }, 200_000);
});
