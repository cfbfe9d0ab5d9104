// The servers under test run in child processes of their own, so that the load generator (in the
// bench process) does not share their event loop. Each child also gets exit-with-parent.mjs: if the
// bench dies without stopping it, the child stops by itself.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface Server {
  name: string;
  url: string;
  pid: number;
  /** The last lines it wrote (stdout and stderr). */
  output(): string[];
  /** SIGTERM, then SIGKILL after a few seconds; resolves once the process has exited. */
  stop(): Promise<void>;
}

/** A port no one listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return true;
  const timer = new Promise<false>((resolve) => setTimeout(() => resolve(false), ms).unref());
  return Promise.race([once(child, "exit").then(() => true), timer]);
}

/**
 * Start `node <nodeArgs>` in apps/api with `env` on a free port, and wait until `readyPath` answers.
 * The child's output is kept (the last lines) for the error message when it fails to start.
 */
export async function startServer(
  name: string,
  nodeArgs: string[],
  env: Record<string, string>,
  readyPath: string,
  timeoutMs = 180_000,
): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "./bench/exit-with-parent.mjs", ...nodeArgs], {
    cwd: apiDir,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n"));
    output.splice(0, Math.max(0, output.length - 60));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const server: Server = {
    name,
    url,
    pid: child.pid ?? -1,
    output: () => output.filter((line) => line.trim() !== ""),
    async stop() {
      if (exited(child)) return;
      child.kill("SIGTERM");
      if (!(await waitForExit(child, 5_000))) {
        child.kill("SIGKILL");
        await waitForExit(child, 5_000);
      }
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child)) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) while starting:\n${output.join("\n")}`);
    }
    try {
      const res = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop();
  throw new Error(`${name} did not answer ${readyPath} within ${timeoutMs / 1000} s:\n${output.join("\n")}`);
}
