// The bulk import of monthly reports (POST /api/v1/imports/reports): one request of many rows,
// timed end to end, first creating them, then again (every row unchanged).
import { addDays, fiscalYearSpan } from "@cpm/schema/rules";

export interface BulkImportResult {
  rows: number;
  created: { seconds: number; rowsPerSecond: number; status: number; stats: Record<string, number> };
  unchanged: { seconds: number; rowsPerSecond: number; status: number; stats: Record<string, number> };
}

/** `rows` reports over the projects in turn, one a day from the fiscal year's start, never after today. */
export function bulkRows(codes: string[], fiscalYear: number, today: string, rows: number) {
  const out: Record<string, unknown>[] = [];
  const start = fiscalYearSpan(fiscalYear).start;
  for (let day = 0; out.length < rows; day++) {
    const date = addDays(start, day);
    if (date > today) break;
    for (const code of codes) {
      if (out.length >= rows) break;
      out.push({
        projectCode: code,
        reportDate: date,
        percent: Math.min(100, day),
        narrative: `นำเข้าจากระบบอื่น วันที่ ${date} (bench)`,
        problems: "ไม่มี",
        obstacles: "ไม่มี",
      });
    }
  }
  return out;
}

async function timedImport(url: string, auth: Record<string, string>, body: string, rows: number) {
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/imports/reports`, {
    method: "POST",
    headers: { "content-type": "application/json", ...auth },
    body,
  });
  const answer = (await res.json()) as { stats?: Record<string, number> };
  const seconds = (performance.now() - started) / 1000;
  return { seconds, rowsPerSecond: rows / seconds, status: res.status, stats: answer.stats ?? {} };
}

export async function measureBulkImport(
  url: string,
  auth: Record<string, string>,
  codes: string[],
  fiscalYear: number,
  today: string,
  rows: number,
): Promise<BulkImportResult> {
  const body = JSON.stringify({ rows: bulkRows(codes, fiscalYear, today, rows) });
  const count = (JSON.parse(body) as { rows: unknown[] }).rows.length;
  const created = await timedImport(url, auth, body, count);
  const unchanged = await timedImport(url, auth, body, count);
  return { rows: count, created, unchanged };
}

export function formatBulkImport(result: BulkImportResult): string {
  const line = (what: string, r: BulkImportResult["created"]) =>
    `  ${what}: ${r.seconds.toFixed(2)} s, ${Math.round(r.rowsPerSecond).toLocaleString("en-US")} rows/s ` +
    `(HTTP ${r.status}; ${Object.entries(r.stats)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")})`;
  return [
    `Bulk import of monthly reports (POST /api/v1/imports/reports), ${result.rows.toLocaleString("en-US")} rows in one request:`,
    line("new rows (created)", result.created),
    line("the same rows again (unchanged)", result.unchanged),
  ].join("\n");
}
