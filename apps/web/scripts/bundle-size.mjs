// Prints the gzip size of the JavaScript the dashboard route loads first: the entry chunk, the
// chunks it imports statically, the dashboard route's lazy chunk and the chunks that one imports
// statically (its charts are a further lazy chunk, loaded after the page shows).
// Usage: pnpm --filter @cpm/web size   (after a build); exits 1 over the budget.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 300;
const DASHBOARD_ROUTE = "src/app/routes/dashboard.tsx";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const manifest = JSON.parse(readFileSync(path.join(dist, ".vite/manifest.json"), "utf8"));
const gzipKb = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey || !manifest[DASHBOARD_ROUTE]) {
  console.error(`dist/.vite/manifest.json has no entry or no ${DASHBOARD_ROUTE}: build first`);
  process.exit(2);
}

const firstLoad = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || firstLoad.has(chunk.file)) return;
  firstLoad.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entryKey);
visit(DASHBOARD_ROUTE);

let total = 0;
for (const file of firstLoad) {
  const kb = gzipKb(file);
  total += kb;
  console.log(`  ${file.padEnd(48)} ${kb.toFixed(1).padStart(7)} KB gzip`);
}
console.log(
  `dashboard route, first load: ${total.toFixed(1)} KB of gzipped JS (budget ${BUDGET_KB} KB, ${((total / BUDGET_KB) * 100).toFixed(0)} % of it)`,
);
for (const [key, chunk] of Object.entries(manifest)) {
  if (chunk.isDynamicEntry && key !== DASHBOARD_ROUTE)
    console.log(`  lazy: ${path.basename(key).padEnd(40)} ${gzipKb(chunk.file).toFixed(1).padStart(7)} KB gzip`);
}
if (total > BUDGET_KB) {
  console.error(`over the budget of ${BUDGET_KB} KB`);
  process.exitCode = 1;
}
