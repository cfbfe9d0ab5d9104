/**
 * Tables streamed as CSV (UTF-8 with a BOM, so that Excel shows Thai) or XLSX (exceljs's streaming
 * WorkbookWriter: numbers as numbers, dates as dates, the header row frozen). Rows come page by page
 * from an async source and are written as they come: a city's year is never held in memory.
 */
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import type { IsoDate } from "@cpm/schema/rules";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

export type CellValue = string | number | boolean | null | { date: IsoDate };

export interface Column {
  header: string;
  kind: "text" | "number" | "integer" | "percent" | "date" | "boolean";
  width?: number;
}

export type ExportFormat = "csv" | "xlsx";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const csvCell = (value: CellValue): string | number | boolean | null =>
  value !== null && typeof value === "object" ? value.date : value;

/** CSV: the BOM and the header line, then each page's lines. */
export function csvStream(columns: Column[], pages: AsyncIterable<CellValue[][]>): Readable {
  async function* lines() {
    yield `\uFEFF${stringify([columns.map((c) => c.header)])}`;
    for await (const rows of pages) {
      if (rows.length) yield stringify(rows.map((row) => row.map(csvCell)));
    }
  }
  return Readable.from(lines());
}

const NUMBER_FORMATS: Partial<Record<Column["kind"], string>> = {
  number: "#,##0.00",
  integer: "0",
  percent: "0.00",
  date: "yyyy-mm-dd",
};

/** XLSX: one sheet, header row bold and frozen, each row committed as it comes. */
export function xlsxStream(sheetName: string, columns: Column[], pages: AsyncIterable<CellValue[][]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width ?? (c.kind === "text" ? 30 : 14),
    style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {},
  }));
  void (async () => {
    try {
      const header = sheet.addRow(columns.map((c) => c.header));
      header.font = { bold: true };
      header.commit();
      for await (const rows of pages) {
        for (const row of rows) {
          sheet
            .addRow(
              row.map((value) =>
                value !== null && typeof value === "object" ? new Date(`${value.date}T00:00:00Z`) : value,
              ),
            )
            .commit();
        }
        // the client reads slower than the database answers: wait for it
        if (out.writableNeedDrain) await once(out, "drain");
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

export function tableStream(
  format: ExportFormat,
  sheetName: string,
  columns: Column[],
  pages: AsyncIterable<CellValue[][]>,
): Readable {
  return format === "csv" ? csvStream(columns, pages) : xlsxStream(sheetName, columns, pages);
}
