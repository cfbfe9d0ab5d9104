// `node scripts/run-built.mjs <server|seed|admin|backup> [args…]`: build what is missing or older
// than its sources, then run that command of the build (dist/<name>.js) with plain node, in this
// process. `pnpm start` runs the server so: on a fresh clone it builds the web app (apps/web/dist)
// and the API (apps/api/dist, which carries its own copy of the web app); later, only what changed.
import "../src/runtime/require-node.mjs"; // first: refuse an old Node.js with a clear message
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const apiDir = path.resolve(import.meta.dirname, "..");
const repoRoot = path.resolve(apiDir, "../..");
const at = (...parts) => path.join(repoRoot, ...parts);

/** The newest modification time of the files under `paths` (0 when none exists). */
function newest(paths) {
  let latest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== "node_modules" && entry !== "dist") visit(path.join(p, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const p of paths) visit(p);
  return latest;
}

const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const run = (command, args, cwd = repoRoot) => execFileSync(command, args, { cwd, stdio: "inherit" });

const entry = process.argv[2] ?? "server";
process.argv.splice(2, 1); // the command sees its own arguments only

const schemaSources = [at("packages/schema/src"), at("packages/schema/package.json")];
const webIndex = at("apps/web/dist/index.html");
const webStale =
  entry === "server" &&
  builtAt(webIndex) <
    newest([
      at("apps/web/src"),
      at("apps/web/public"),
      at("apps/web/index.html"),
      at("apps/web/vite.config.ts"),
      ...schemaSources,
    ]);
if (webStale) {
  console.log("Building the web app…");
  run("pnpm", ["--filter", "@cpm/web", "build"]);
}

const entryJs = path.join(apiDir, `dist/${entry}.js`);
const apiStale =
  webStale ||
  (entry === "server" && builtAt(entryJs) < builtAt(webIndex)) || // its copy of the web app is older
  builtAt(entryJs) <
    newest([path.join(apiDir, "src"), path.join(apiDir, "scripts/build.mjs"), at("prisma"), ...schemaSources]);
if (apiStale) {
  console.log("Building the API…");
  run(process.execPath, [path.join(apiDir, "scripts/build.mjs")], apiDir);
}

await import(pathToFileURL(entryJs).href);
