import { type Dashboard, type DashboardFigures, dashboardExportQuery, problem, projectExportQuery } from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Lang, projectColumns, projectPages } from "../../../exports/project-export";
import {
  type CellValue,
  CONTENT_TYPES,
  type Column,
  type ExportFormat,
  tableStream,
} from "../../../exports/spreadsheet";

const tags = ["exports"];
const FILE_DESCRIPTION =
  "`format=csv`: UTF-8 with a BOM, so that Excel shows Thai; `format=xlsx`: one sheet, numbers as numbers, dates " +
  "as dates, fiscal years in the Buddhist era, the header row frozen. Streamed: every page of the data is written as " +
  "it is read. `lang` names the header row's language. Anonymous readers get no phone numbers.";

/** The file itself (text/csv or the XLSX type), streamed. */
const FILE = z.unknown().describe("The file: text/csv (UTF-8 with a BOM) or an XLSX workbook");

const attachment = (name: string, format: ExportFormat) => `attachment; filename="${name}.${format}"`;

function dashboardColumns(lang: Lang): Column[] {
  const h = (th: string, en: string) => (lang === "th" ? th : en);
  return [
    { header: h("รหัสหน่วยงาน", "Unit code"), kind: "text", width: 12 },
    { header: h("หน่วยงาน", "Unit"), kind: "text", width: 36 },
    { header: h("ปีงบประมาณ (พ.ศ.)", "Fiscal year (BE)"), kind: "integer" },
    { header: h("ไตรมาส", "Quarter"), kind: "integer" },
    { header: h("ณ วันที่", "As of"), kind: "date" },
    { header: h("โครงการ", "Projects"), kind: "integer" },
    { header: h("ความคืบหน้าเฉลี่ย (ร้อยละ)", "Average progress (%)"), kind: "percent" },
    { header: h("เสร็จสิ้น", "Done"), kind: "integer" },
    { header: h("ตามแผน", "On track"), kind: "integer" },
    { header: h("ล่าช้า", "Behind"), kind: "integer" },
    { header: h("ยังไม่เริ่ม", "Not started"), kind: "integer" },
    { header: h("ไม่มีกำหนดการ", "No schedule"), kind: "integer" },
    { header: h("ไม่แล้วเสร็จตามกำหนด", "Late"), kind: "integer" },
    { header: h("ยังไม่รายงานเดือนนี้", "Not reported this month"), kind: "integer" },
    { header: h("งบประมาณที่ได้รับ (บาท)", "Budget allocated (baht)"), kind: "number", width: 18 },
    { header: h("งบประมาณที่ใช้ไป (บาท)", "Budget spent (baht)"), kind: "number", width: 18 },
    { header: h("อัตราการเบิกจ่าย (ร้อยละ)", "Disbursement rate (%)"), kind: "percent" },
    { header: h("ตัวชี้วัด", "KPIs"), kind: "integer" },
    { header: h("ตัวชี้วัดที่บรรลุ", "KPIs achieved"), kind: "integer" },
  ];
}

function dashboardRow(d: Dashboard, code: string, name: string, f: DashboardFigures): CellValue[] {
  return [
    code,
    name,
    d.fiscalYear,
    d.quarter,
    { date: d.asOf },
    f.projects,
    f.averageProgress,
    f.byStatus.done,
    f.byStatus.on_track,
    f.byStatus.behind,
    f.byStatus.not_started,
    f.byStatus.no_schedule,
    f.byStatus.late,
    f.notReportedThisMonth,
    f.budgetAllocated,
    f.budgetSpent,
    f.disbursementRate,
    f.indicators,
    f.indicatorsAchieved,
  ];
}

/** Downloads: the projects list and the dashboards as CSV or XLSX. */
const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/exports/projects",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags,
        summary: "The projects list (with the list's filters, every matching project) as CSV or XLSX",
        description: FILE_DESCRIPTION,
        querystring: projectExportQuery,
        response: { 200: FILE, 400: problem, 401: problem },
      },
    },
    async (request, reply) => {
      const { format, lang, ...filters } = request.query;
      const today = app.clock.today();
      const pages = projectPages(app.db.laggingReads(), filters, filters.asOf ?? today, today, {
        lang,
        withPhones: request.actor.kind !== "anonymous",
      });
      const name = `projects${filters.fiscalYear ? `-${filters.fiscalYear}` : ""}${filters.unit ? `-${filters.unit}` : ""}`;
      return reply
        .header("content-type", CONTENT_TYPES[format])
        .header("content-disposition", attachment(name, format))
        .header("cache-control", "no-store")
        .send(tableStream(format, lang === "th" ? "โครงการ" : "Projects", projectColumns(lang), pages));
    },
  );

  app.get(
    "/exports/dashboard",
    {
      config: { access: { permission: "read" } },
      schema: {
        tags,
        summary: "The city's or a unit's dashboard (a row per unit, then the totals) as CSV or XLSX",
        description: FILE_DESCRIPTION,
        querystring: dashboardExportQuery,
        response: { 200: FILE, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const { format, lang, fiscalYear, quarter, asOf, unit } = request.query;
      const answer = await app.repos.dashboard.answer(
        unit ?? null,
        fiscalYear,
        quarter as 1 | 2 | 3 | 4 | undefined,
        app.clock.today(),
        asOf,
      );
      const d = JSON.parse(answer.json) as Dashboard;
      const total = lang === "th" ? `รวม ${d.unit.name}` : `Total ${d.unit.name}`;
      async function* pages() {
        yield [
          ...d.units.map((u) => dashboardRow(d, u.unitCode, u.unitName, u)),
          dashboardRow(d, d.unit.code, total, d.totals),
        ];
      }
      const name = `dashboard-${unit ?? "city"}-${fiscalYear}${quarter ? `-q${quarter}` : ""}`;
      return reply
        .header("content-type", CONTENT_TYPES[format])
        .header("content-disposition", attachment(name, format))
        .header("cache-control", "no-store")
        .send(tableStream(format, lang === "th" ? "แดชบอร์ด" : "Dashboard", dashboardColumns(lang), pages()));
    },
  );
};

export default exportsRoutes;
