import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirLockedError, isAlive, lockDataDir } from "../../src/db/data-dir-lock";

// A parent that starts a lock holder, prints its pid, then blocks its own event loop: a child
// killed meanwhile stays a zombie (dead, not yet reaped), as after `kill -9` of a server whose
// parent (a shell, pnpm, a supervisor) has not waited for it yet.
const PARENT = `
const { spawn } = require("node:child_process");
const lockPath = process.argv[1];
const holder = spawn(process.execPath, ["-e", \`
  require("node:fs").writeFileSync(\${JSON.stringify(lockPath)}, String(process.pid));
  console.log("locked"); setInterval(() => {}, 1000);\`], { stdio: ["ignore", "pipe", "inherit"] });
holder.stdout.once("data", () => {
  console.log(String(holder.pid));
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20000);
});
`;

const stateOf = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  } catch {
    return "gone";
  }
};

describe("the data directory lock after kill -9", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cpm-zombie-"));
  let parent: ChildProcess | undefined;
  afterAll(() => {
    parent?.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is taken over while the killed owner is still a zombie, not refused as in use", async () => {
    parent = spawn(process.execPath, ["-e", PARENT, path.join(dataDir, "pglite.lock")], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const holderPid = await new Promise<number>((resolve, reject) => {
      let out = "";
      parent?.stdout?.on("data", (chunk) => {
        out += chunk;
        const pid = /^(\d+)$/m.exec(out)?.[1];
        if (pid) resolve(Number(pid));
      });
      parent?.on("exit", () => reject(new Error(`parent exited: ${out}`)));
    });
    expect(readFileSync(path.join(dataDir, "pglite.lock"), "utf8")).toBe(String(holderPid));

    // while alive, the lock is refused with the owner's pid
    expect(isAlive(holderPid)).toBe(true);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);

    process.kill(holderPid, "SIGKILL");
    for (let i = 0; i < 100 && stateOf(holderPid) !== "Z"; i++) await new Promise((r) => setTimeout(r, 20));
    expect(stateOf(holderPid)).toBe("Z"); // dead, not reaped: kill(pid, 0) still succeeds on it
    expect(() => process.kill(holderPid, 0)).not.toThrow();

    expect(isAlive(holderPid)).toBe(false);
    const unlock = lockDataDir(dataDir);
    expect(readFileSync(path.join(dataDir, "pglite.lock"), "utf8")).toBe(String(process.pid));
    unlock();
  });
});
