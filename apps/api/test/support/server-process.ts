import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { TEST_TODAY } from "../helper";

const apiDir = path.resolve(import.meta.dirname, "../..");

/** A server started as its own process on an embedded data directory, with what it printed. */
export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `src/server.ts` in a child process on a free port, today pinned; `env` adds to or overrides its variables. */
export function startServer(dataDir: string, env: Record<string, string> = {}): ServerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: apiDir,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: "0",
      APP_TODAY: TEST_TODAY,
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The address the server prints once it listens; waits up to `seconds`, and fails with its output. */
export async function addressOf(server: ServerProcess, seconds: number): Promise<string> {
  for (let i = 0; i < seconds * 5; i++) {
    const match = /web app:\s+(http:\/\/\S+?)\/\s/.exec(server.output());
    if (match?.[1]) return match[1];
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${server.output()}`);
}
