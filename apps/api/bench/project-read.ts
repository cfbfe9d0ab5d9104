// Reads per second of the hot endpoints on the demo data, over HTTP on a real port, with the
// same run's trivial route as the baseline. Usage: pnpm bench [-- --postgres]
import { performance } from "node:perf_hooks";
import { fiscalYearOf } from "@cpm/schema/rules";
import { startTestApp, TEST_TODAY } from "../test/helper";

const onPostgres = process.argv.includes("--postgres");
if (onPostgres) process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const ctx = await startTestApp({ demo: true });
const address = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
const fy = fiscalYearOf(TEST_TODAY);

async function measure(path: string, seconds = 3, concurrency = 8) {
  const deadline = performance.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const res = await fetch(`${address}${path}`);
        if (!res.ok) throw new Error(`${path}: ${res.status}`);
        await res.arrayBuffer();
        count++;
      }
    }),
  );
  return count / seconds;
}

const baseline = await measure("/api/v1/fiscal-years");
const rows: [string, number][] = [
  ["GET /fiscal-years (baseline)", baseline],
  ["GET /projects/50450000-3247", await measure("/api/v1/projects/50450000-3247")],
  [`GET /projects?fiscalYear=${fy} (page of 20)`, await measure(`/api/v1/projects?fiscalYear=${fy}`)],
  [`GET /dashboard?fiscalYear=${fy}`, await measure(`/api/v1/dashboard?fiscalYear=${fy}`)],
];
console.log(
  `\n${ctx.db.kind} database, ${await ctx.db.prisma.project.count()} projects, 8 concurrent clients, 3 s each`,
);
for (const [name, perSecond] of rows) {
  console.log(
    `${name.padEnd(44)} ${perSecond.toFixed(0).padStart(7)} req/s   ${(perSecond / baseline).toFixed(3)}× baseline`,
  );
}
await ctx.close();
