import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript on purpose (it must run before tsx on any Node.js)
import { nodeVersionProblem } from "../../src/runtime/require-node.mjs";

const apiDir = path.resolve(import.meta.dirname, "../..");

describe("the server refuses an old Node.js with a clear message", () => {
  it("names the version found and the one needed", () => {
    const problem: string | null = nodeVersionProblem("v20.20.2", ">=24");
    expect(problem).toContain("v20.20.2");
    expect(problem).toContain(">=24");
    expect(nodeVersionProblem("v24.0.0", ">=24")).toBeNull();
    expect(nodeVersionProblem("v26.1.0", ">=24")).toBeNull();
  });

  it("stops before loading tsx or any dependency when started on an older Node.js", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "./src/runtime/require-node.mjs", "--import", "tsx", "src/server.ts"],
      { cwd: apiDir, env: { ...process.env, CPM_NODE_VERSION_FOR_TEST: "v20.20.2" }, encoding: "utf8" },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("needs Node.js >=24");
    expect(run.stderr).toContain("started with Node.js v20.20.2");
    expect(run.stdout).not.toContain("running");
  });

  it("lets the running Node.js through (this suite runs on the supported version)", () => {
    expect(nodeVersionProblem(process.version, ">=24")).toBeNull();
  });
});
