// Prints the gzip size of the JavaScript the dashboard route loads first: the entry chunk and
// every chunk it imports statically (the dashboard route is in the entry; charts are lazy).
// Usage: pnpm --filter @cpm/web size   (after a build)
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const manifest = JSON.parse(readFileSync(path.join(dist, ".vite/manifest.json"), "utf8"));
const gzipKb = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const firstLoad = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || firstLoad.has(chunk.file)) return;
  firstLoad.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entryKey);

const BUDGET_KB = 300;
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
  if (chunk.isDynamicEntry)
    console.log(`  lazy: ${path.basename(key).padEnd(40)} ${gzipKb(chunk.file).toFixed(1).padStart(7)} KB gzip`);
}
if (total > BUDGET_KB) process.exitCode = 1;
