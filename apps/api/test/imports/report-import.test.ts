import type { ReportImportSummary } from "@cpm/schema";
import { addDays, reportingWindow } from "@cpm/schema/rules";
import { beforeAll, describe, expect, it } from "vitest";
import { expectedKept, readKept } from "../figures/live-rules";
import { signIn, snapshotCounts, TEST_TODAY, useTestApp } from "../helper";

interface Row {
  projectCode: string;
  reportDate: string;
  percent: number;
  narrative?: string;
  problems?: string;
  obstacles?: string;
}

describe("POST /api/v1/imports/reports (bulk monthly reports)", () => {
  const ctx = useTestApp({ demo: true });
  let admin: Record<string, string> = {};
  beforeAll(async () => {
    admin = await signIn(ctx.app, "admin");
  });

  const post = async (payload: unknown, query = "", headers: Record<string, string> = admin) =>
    ctx.app.inject({
      method: "POST",
      url: `/api/v1/imports/reports${query}`,
      ...(typeof payload === "string"
        ? { payload, headers: { ...headers, "content-type": "text/csv; charset=utf-8" } }
        : { payload: payload as object, headers }),
    });

  async function expectKeptEqualsRules(step: string) {
    const kept = await readKept(ctx.db.prisma);
    const expected = await expectedKept(ctx.db.prisma, TEST_TODAY);
    expect(kept.projects, `${step}: per project`).toEqual(expected.projects);
    expect(kept.current, `${step}: per unit`).toEqual(expected.current);
    for (const end of new Set([...kept.months.keys(), ...expected.months.keys()])) {
      expect(kept.months.get(end), `${step}: month ending ${end}`).toEqual(expected.months.get(end));
    }
  }

  /** 10,000 rows over every live project: daily dates from its reporting window's start, never after today. */
  async function tenThousandRows(): Promise<{ rows: Row[]; existing: Map<string, Row> }> {
    const projects = await ctx.db.prisma.project.findMany({
      where: { deletedAt: null },
      select: { code: true, fiscalYear: true, reports: { where: { deletedAt: null } } },
      orderBy: { code: "asc" },
    });
    const existing = new Map<string, Row>();
    for (const p of projects) {
      for (const r of p.reports) {
        existing.set(`${p.code}|${r.reportDate.toISOString().slice(0, 10)}`, {
          projectCode: p.code,
          reportDate: r.reportDate.toISOString().slice(0, 10),
          percent: Number(r.percent),
          narrative: r.narrative,
          problems: r.problems,
          obstacles: r.obstacles,
        });
      }
    }
    const rows: Row[] = [];
    for (let day = 0; rows.length < 10_000; day++) {
      for (const p of projects) {
        const date = addDays(reportingWindow(p.fiscalYear).start, day);
        if (date > TEST_TODAY || rows.length >= 10_000) continue;
        const same = existing.get(`${p.code}|${date}`);
        // a report already there comes again as it is (unchanged); the others are new, in Thai
        rows.push(
          same ?? {
            projectCode: p.code,
            reportDate: date,
            percent: Math.min(100, day % 101),
            narrative: `นำเข้าจากระบบงบประมาณ วันที่ ${date} สำนักงานเขต`,
            problems: "ไม่มี",
            obstacles: "ไม่มี",
          },
        );
      }
    }
    return { rows, existing };
  }

  it("imports 10,000 reports with an Idempotency-Key: the summary counts them, a retry imports nothing, another body with the key is refused", async () => {
    const { rows, existing } = await tenThousandRows();
    expect(rows).toHaveLength(10_000);
    const unchanged = rows.filter((r) => existing.has(`${r.projectCode}|${r.reportDate}`)).length;
    expect(unchanged).toBeGreaterThan(0);
    // one existing report changes
    const changed = rows.findIndex((r) => existing.has(`${r.projectCode}|${r.reportDate}`));
    rows[changed] = { ...(rows[changed] as Row), narrative: "แก้ไขจากระบบงบประมาณ" };
    const before = await snapshotCounts(ctx.db);
    const audits = await ctx.db.prisma.auditEvent.count();

    // a dry run first: the same summary, nothing written
    const dry = await post({ rows }, "?dryRun=true", { ...admin, "idempotency-key": "budget-2026-11" });
    expect(dry.statusCode, dry.body).toBe(200);
    const expectedStats = {
      total: 10_000,
      created: 10_000 - unchanged,
      updated: 1,
      unchanged: unchanged - 1,
      rejected: 0,
    };
    expect(dry.json<ReportImportSummary>()).toMatchObject({ status: "OK", dryRun: true, stats: expectedStats });
    expect(await snapshotCounts(ctx.db)).toEqual(before);

    const res = await post({ rows }, "", { ...admin, "idempotency-key": "budget-2026-11" });
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json<ReportImportSummary>();
    expect(summary).toMatchObject({ status: "OK", dryRun: false, replayed: false, stats: expectedStats, rejected: [] });
    const after = await snapshotCounts(ctx.db);
    expect(after.reports).toBe(before.reports + expectedStats.created);
    expect(await ctx.db.prisma.auditEvent.count()).toBe(audits + expectedStats.created + 1);
    const sample = rows.find((r) => !existing.has(`${r.projectCode}|${r.reportDate}`)) as Row;
    const stored = await ctx.app.inject({ method: "GET", url: `/api/v1/projects/${sample.projectCode}` });
    expect(stored.json().reports).toEqual(
      expect.arrayContaining([expect.objectContaining({ reportDate: sample.reportDate, narrative: sample.narrative })]),
    );
    await expectKeptEqualsRules("after 10,000 reports");

    // the retry (the client never saw the answer): the first summary again, nothing imported
    const retry = await post({ rows }, "", { ...admin, "idempotency-key": "budget-2026-11" });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ ...summary, replayed: true });
    expect(await snapshotCounts(ctx.db)).toEqual(after);

    // the same rows without the key: all unchanged now
    const again = await post({ rows });
    expect(again.json<ReportImportSummary>().stats).toEqual({
      total: 10_000,
      created: 0,
      updated: 0,
      unchanged: 10_000,
      rejected: 0,
    });
    expect(await snapshotCounts(ctx.db)).toEqual(after);

    const reused = await post({ rows: rows.slice(1) }, "", { ...admin, "idempotency-key": "budget-2026-11" });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().errors[0]).toMatchObject({ path: "headers.idempotency-key" });
  });

  it("authorizes each row by its project's unit: an officer's row for another unit is rejected, nothing imported unless partial", async () => {
    const officer = await signIn(ctx.app, "officer.wangthonglang");
    const own = await ctx.db.prisma.project.findFirstOrThrow({
      where: { unit: { code: "50450000" }, fiscalYear: 2570, deletedAt: null },
    });
    const other = await ctx.db.prisma.project.findFirstOrThrow({
      where: { unit: { code: "14000000" }, fiscalYear: 2570, deletedAt: null },
    });
    const rows = [
      { projectCode: own.code, reportDate: "2026-11-03", percent: 12.5, narrative: "ของหน่วยงานเอง" },
      { projectCode: other.code, reportDate: "2026-11-03", percent: 20 },
    ];
    const before = await snapshotCounts(ctx.db);
    const all = await post({ rows }, "", officer);
    expect(all.statusCode).toBe(422);
    expect(all.json<ReportImportSummary>()).toMatchObject({
      status: "ERROR",
      stats: { total: 2, created: 0, updated: 0, unchanged: 0, rejected: 1 },
      rejected: [{ row: 2, field: "projectCode", code: "forbidden" }],
    });
    expect(await snapshotCounts(ctx.db)).toEqual(before);

    const partial = await post({ rows }, "?mode=partial", officer);
    expect(partial.statusCode).toBe(200);
    expect(partial.json<ReportImportSummary>()).toMatchObject({
      status: "WARNING",
      stats: { total: 2, created: 1, rejected: 1 },
      rejected: [{ row: 2, field: "projectCode", code: "forbidden" }],
    });
    expect((await snapshotCounts(ctx.db)).reports).toBe(before.reports + 1);
    await expectKeptEqualsRules("after a partial import");
  });

  it("reads UTF-8 CSV with a BOM and Thai text; rejects bad rows with their row number, field and reason", async () => {
    const project = await ctx.db.prisma.project.findFirstOrThrow({
      where: { unit: { code: "50450000" }, fiscalYear: 2570, deletedAt: null },
      orderBy: { code: "desc" },
    });
    const csv =
      "\uFEFFprojectCode,reportDate,percent,narrative,problems,obstacles\n" +
      `${project.code},2026-11-04,15.25,"ประชุมชุมชน, ครั้งที่ 2",ไม่มี,ฝนตก\n` +
      `${project.code},2026-11-05,101,เกิน,,\n` +
      `${project.code},2026-13-01,10,วันที่ผิด,,\n` +
      `50450000-99999,2026-11-05,10,ไม่มีโครงการ,,\n` +
      `${project.code},2026-12-01,10,อนาคต,,\n`;
    const res = await post(csv, "?mode=partial");
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json<ReportImportSummary>();
    expect(summary.stats).toEqual({ total: 5, created: 1, updated: 0, unchanged: 0, rejected: 4 });
    expect(summary.rejected.map((r) => [r.row, r.field, r.code])).toEqual([
      [2, "percent", "too_big"],
      [3, "reportDate", "date"],
      [4, "projectCode", "unknownProject"],
      [5, "reportDate", "futureDate"],
    ]);
    expect(summary.rejected[0]?.message.th).toBeTruthy();
    const detail = await ctx.app.inject({ method: "GET", url: `/api/v1/projects/${project.code}` });
    expect(detail.json().reports).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          reportDate: "2026-11-04",
          percent: 15.25,
          narrative: "ประชุมชุมชน, ครั้งที่ 2",
          obstacles: "ฝนตก",
        }),
      ]),
    );
  });

  it("is refused to callers who write no unit (401 anonymous, 403 executive)", async () => {
    const rows = [{ projectCode: "50450000-3247", reportDate: "2021-09-21", percent: 100 }];
    expect((await post({ rows }, "", {})).statusCode).toBe(401);
    expect((await post({ rows }, "", await signIn(ctx.app, "executive"))).statusCode).toBe(403);
  });
});
