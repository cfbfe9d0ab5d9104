import type { Dashboard, ProjectSummary } from "@cpm/schema";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { projectPages } from "../../src/exports/project-export";
import { signIn, TEST_TODAY, useTestApp } from "../helper";

describe("exports of the projects list and the dashboards (CSV and XLSX)", () => {
  const ctx = useTestApp({ demo: true });

  /** Every project the list answers for these filters, page by page. */
  async function listed(query: string): Promise<ProjectSummary[]> {
    const items: ProjectSummary[] = [];
    for (let page = 1; ; page++) {
      const res = await ctx.app.inject({ method: "GET", url: `/api/v1/projects?${query}&pageSize=200&page=${page}` });
      const body = res.json();
      items.push(...body.items);
      if (page * 200 >= body.total) return items;
    }
  }

  it("XLSX of the projects list: Thai names intact, numbers as numbers, dates as dates, header frozen", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/exports/projects?fiscalYear=2570&format=xlsx",
      headers: await signIn(ctx.app, "executive"),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="projects-2570.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe("รหัสโครงการ");
    const expected = await listed("fiscalYear=2570");
    expect(expected.length).toBeGreaterThan(100);
    expect(sheet.actualRowCount).toBe(expected.length + 1);
    expected.forEach((project, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(project.code);
      // Thai byte for byte
      expect(row.getCell(2).value).toBe(project.name);
      expect(row.getCell(4).value).toBe(project.unitName);
      expect(row.getCell(5).value).toBe(2570);
      expect(row.getCell(9).value).toBe(project.progress);
      expect(row.getCell(10).value).toBe(project.plannedProgress);
      expect(row.getCell(7).value).toBe(project.budgetAllocated);
      const lastReport = row.getCell(12).value;
      if (project.lastReportDate) {
        expect(lastReport).toBeInstanceOf(Date);
        expect((lastReport as Date).toISOString().slice(0, 10)).toBe(project.lastReportDate);
      } else expect(lastReport).toBeNull();
    });
    const withProgress = expected.findIndex((p) => p.progress !== null);
    expect(typeof sheet.getRow(withProgress + 2).getCell(9).value).toBe("number");
  });

  it("CSV of the projects list with the list's filters: UTF-8 with a BOM, the same projects as the list", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/exports/projects?fiscalYear=2570&unit=50450000&status=behind&lang=en",
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    const expected = await listed("fiscalYear=2570&unit=50450000&status=behind");
    expect(records.map((r) => r.Code)).toEqual(expected.map((p) => p.code));
    expect(records.map((r) => r.Name)).toEqual(expected.map((p) => p.name));
    expect(records.every((r) => r.Status === "Behind")).toBe(true);
  });

  it("reads the year page by page with a cursor: every project once, in code order", async () => {
    const pages: unknown[][][] = [];
    for await (const page of projectPages(ctx.db.prisma, { fiscalYear: 2570 }, TEST_TODAY, TEST_TODAY, {
      lang: "th",
      withPhones: true,
      pageSize: 7,
    })) {
      expect(page.length).toBeLessThanOrEqual(7);
      pages.push(page);
    }
    const codes = pages.flat().map((row) => row[0]);
    expect(pages.length).toBeGreaterThan(10);
    expect(codes).toEqual((await listed("fiscalYear=2570")).map((p) => p.code));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("gives anonymous readers no phone numbers", async () => {
    const project = await ctx.db.prisma.project.findFirstOrThrow({ where: { fiscalYear: 2570, deletedAt: null } });
    await ctx.db.prisma.project.update({
      where: { id: project.id },
      data: { responsibleOfficer: "นายทดสอบ ส่งออก โทร. 02-123-4567" },
    });
    const csv = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/exports/projects?fiscalYear=2570&q=${project.code}`,
    });
    expect(csv.body).toContain("นายทดสอบ ส่งออก");
    expect(csv.body).not.toContain("4567");
    const signedIn = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/exports/projects?fiscalYear=2570&q=${project.code}`,
      headers: await signIn(ctx.app, "executive"),
    });
    expect(signedIn.body).toContain("02-123-4567");
  });

  it("the city dashboard as XLSX: a row per unit and the totals, as the dashboard answers", async () => {
    const json = (await ctx.app.inject({ method: "GET", url: "/api/v1/dashboard?fiscalYear=2570" })).json<Dashboard>();
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/exports/dashboard?fiscalYear=2570&format=xlsx" });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.actualRowCount).toBe(json.units.length + 2);
    json.units.forEach((unit, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(unit.unitCode);
      expect(row.getCell(2).value).toBe(unit.unitName);
      expect(row.getCell(6).value).toBe(unit.projects);
      expect(row.getCell(15).value).toBe(unit.budgetAllocated);
    });
    const total = sheet.getRow(json.units.length + 2);
    expect(total.getCell(2).value).toBe("รวม กรุงเทพมหานคร");
    expect(total.getCell(3).value).toBe(2570);
    expect(total.getCell(6).value).toBe(json.totals.projects);
    expect(total.getCell(7).value).toBe(json.totals.averageProgress);
    const csv = await ctx.app.inject({ method: "GET", url: "/api/v1/exports/dashboard?fiscalYear=2570&unit=50450000" });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith("\uFEFF")).toBe(true);
    expect(csv.body).toContain("สำนักงานเขตวังทองหลาง");
  });
});
