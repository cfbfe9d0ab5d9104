// Loaded first (`node --import ./src/runtime/require-node.mjs …`), before tsx or any dependency:
// on a Node.js older than the one the project declares, stop with a message that names both
// versions instead of crashing somewhere inside a dependency. Plain JavaScript on purpose, so
// that it runs on any Node.js.
import { existsSync, readFileSync } from "node:fs";

// apps/api/package.json from src/runtime/; the build's own package.json from dist/runtime/
const packageJson = [new URL("../package.json", import.meta.url), new URL("../../package.json", import.meta.url)].find(
  (url) => existsSync(url),
);

/** The lowest major version in an `engines.node` range such as ">=24". */
export function requiredMajor(range) {
  const match = /(\d+)/.exec(range ?? "");
  return match ? Number(match[1]) : 0;
}

/** A message when `found` (e.g. "v20.20.2") is older than `range`, otherwise null. */
export function nodeVersionProblem(found, range) {
  const major = Number(/^v?(\d+)/.exec(found)?.[1] ?? 0);
  const needed = requiredMajor(range);
  if (major >= needed) return null;
  return (
    `This server needs Node.js ${range} (Node.js ${needed} LTS); it was started with Node.js ${found}.\n` +
    `Install Node.js ${needed} (for example: npm install -g --force node@${needed}) and start it again.`
  );
}

const range = JSON.parse(readFileSync(packageJson, "utf8")).engines?.node;
const problem = nodeVersionProblem(process.env.CPM_NODE_VERSION_FOR_TEST ?? process.version, range);
if (problem) {
  console.error(problem);
  process.exit(1);
}
