// Builds the API to JavaScript for plain `node`: one ES module bundle per command (the server,
// the seed, the admin and backup commands) with the shared schema package and the generated
// Prisma client compiled in, and the npm dependencies left to node_modules. Beside the bundle go
// what the server reads from disk, so that the build runs without the source tree:
//   dist/prisma/migrations/  the SQL migrations          dist/seed/     the demo data's files
//   dist/public/             the built web app (when apps/web/dist exists)
//   dist/runtime/require-node.mjs  the Node.js version guard (node --import it first)
// Usage: node scripts/build.mjs [--outdir DIR] (default apps/api/dist). Type checking is `pnpm typecheck`.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const apiDir = path.resolve(import.meta.dirname, "..");
const repoRoot = path.resolve(apiDir, "../..");
const { values } = parseArgs({ options: { outdir: { type: "string" } } });
const outdir = path.resolve(values.outdir ?? path.join(apiDir, "dist"));

// The generated client is not committed; `pnpm install` makes it (postinstall), this covers a build without it.
if (!existsSync(path.join(apiDir, "src/generated/prisma/client.ts"))) {
  execFileSync("pnpm", ["exec", "prisma", "generate"], { cwd: repoRoot, stdio: "inherit" });
}

const pkg = JSON.parse(readFileSync(path.join(apiDir, "package.json"), "utf8"));
// every npm dependency stays a runtime import; the workspace's own packages are compiled in
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
  (name) => !name.startsWith("@cpm/"),
);

const started = Date.now();
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    server: "src/server.ts",
    seed: "src/db/seed-command.ts",
    admin: "src/cli/admin.ts",
    backup: "src/cli/backup.ts",
  },
  absWorkingDir: apiDir,
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node24",
  sourcemap: true,
  external: [...external, ...external.map((name) => `${name}/*`)],
  define: { __CPM_BUILD__: "true" },
  // CommonJS code compiled in (none today) would find `require`
  banner: {
    js: 'import { createRequire as __cpmRequire } from "node:module"; const require = __cpmRequire(import.meta.url);',
  },
  logLevel: "warning",
});

cpSync(path.join(repoRoot, "prisma/migrations"), path.join(outdir, "prisma/migrations"), { recursive: true });
cpSync(path.join(repoRoot, "prisma/seed"), path.join(outdir, "seed"), { recursive: true });
mkdirSync(path.join(outdir, "runtime"), { recursive: true });
cpSync(path.join(apiDir, "src/runtime/require-node.mjs"), path.join(outdir, "runtime/require-node.mjs"));
// the guard reads the required Node.js range from ../../package.json: give the build its own
writeFileSync(
  path.join(outdir, "package.json"),
  `${JSON.stringify({ name: "@cpm/api-build", private: true, type: "module", engines: pkg.engines }, null, 2)}\n`,
);
const webDist = path.join(repoRoot, "apps/web/dist");
if (existsSync(path.join(webDist, "index.html"))) cpSync(webDist, path.join(outdir, "public"), { recursive: true });
console.log(`API built to ${path.relative(process.cwd(), outdir) || "."} in ${Date.now() - started} ms`);
