import { z } from "zod";
import { requiredText, unitCode } from "./common";
import type { FieldError, LocalizedMessage } from "./problem";
import { FISCAL_YEAR_MAX, FISCAL_YEAR_MIN } from "./rules/stored-values";
import { UNIT_KINDS, unitKind } from "./unit";

/**
 * The first run of a city's own database: its units from a CSV file (code, name, parent, kind; an
 * optional name_en), and its fiscal years. The same rules for the command line and the admin page.
 */

/** The columns of a units file; `name_th` is accepted for `name` (the demo data's units.csv). */
export const UNIT_CSV_COLUMNS = ["code", "name", "parent", "kind"] as const;

/** A unit as a file gives it, checked. */
export interface UnitImportRow {
  /** the line of the file (the header is line 1) */
  line: number;
  code: string;
  name: string;
  nameEn: string | null;
  parentCode: string | null;
  kind: (typeof UNIT_KINDS)[number];
}

/** A unit the database has already. */
export interface ExistingUnit {
  code: string;
  name: string;
  parentCode: string | null;
  kind: string;
}

/** What an import would do: the units to create (parents before children) and those already there, alike. */
export interface UnitImportPlan {
  create: UnitImportRow[];
  unchanged: string[];
}

const row = z.object({
  code: unitCode,
  name: requiredText(200),
  nameEn: requiredText(200).nullable(),
  parentCode: unitCode.nullable(),
  kind: unitKind,
});

const at = (line: number, field: string) => `rows[${line}].${field}`;

const error = (line: number, field: string, code: string, message: LocalizedMessage): FieldError => ({
  path: at(line, field),
  code,
  message: { th: `แถวที่ ${line}: ${message.th}`, en: `Line ${line}: ${message.en}` },
});

const ISSUE_MESSAGES: Record<string, LocalizedMessage> = {
  code: { th: "รหัสหน่วยงานต้องเป็นตัวเลข 8 หลัก", en: "a unit code is 8 digits" },
  parent: {
    th: "รหัสหน่วยงานต้นสังกัดต้องเป็นตัวเลข 8 หลัก หรือเว้นว่างสำหรับเมือง",
    en: "the parent is a unit code of 8 digits, or empty for the city",
  },
  name: { th: "ต้องมีชื่อหน่วยงาน (ไม่เกิน 200 ตัวอักษร)", en: "the name must not be blank (at most 200 characters)" },
  name_en: { th: "ชื่อภาษาอังกฤษไม่ถูกต้อง (ไม่เกิน 200 ตัวอักษร)", en: "the English name is invalid (at most 200 characters)" },
  kind: {
    th: `ประเภทหน่วยงานต้องเป็น ${UNIT_KINDS.join(", ")}`,
    en: `the kind is one of ${UNIT_KINDS.join(", ")}`,
  },
};

const FIELD_OF: Record<string, string> = {
  code: "code",
  name: "name",
  nameEn: "name_en",
  parentCode: "parent",
  kind: "kind",
};

/** The file's header must name the columns; returns the errors of a header that does not. */
export function unitCsvHeaderProblems(header: string[]): FieldError[] {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  if (names.has("name_th")) names.add("name");
  return UNIT_CSV_COLUMNS.filter((column) => !names.has(column)).map((column) => ({
    path: `columns.${column}`,
    code: "missingColumn",
    message: {
      th: `ไฟล์ไม่มีคอลัมน์ ${column} (ต้องมี ${UNIT_CSV_COLUMNS.join(", ")} ในแถวแรก)`,
      en: `The file has no ${column} column (the first line must name ${UNIT_CSV_COLUMNS.join(", ")})`,
    },
  }));
}

/**
 * Check a units file's records (one object per data line, keyed by the header's names) against
 * each other and the units already in the database. Every problem is reported, each naming its line
 * and column; the import goes ahead only without any. Rules:
 * - each field valid (code of 8 digits, a name that shows something, a known kind);
 * - a code once in the file; a unit already in the database must come with the same name, parent
 *   and kind (it is left as it is: an import adds units, it does not move or rename them);
 * - the city has no parent and there is one city; every other unit has a parent, in the database
 *   or in the file, that is not a division, and no unit is its own ancestor.
 */
export function planUnitImport(
  records: Record<string, string>[],
  existing: ExistingUnit[],
): {
  plan: UnitImportPlan;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const rows: UnitImportRow[] = [];
  const byCode = new Map<string, UnitImportRow>();
  const existingByCode = new Map(existing.map((u) => [u.code, u]));

  records.forEach((record, index) => {
    const line = index + 2;
    const get = (key: string) => (record[key] ?? "").trim();
    const parsed = row.safeParse({
      code: get("code"),
      name: record.name !== undefined ? get("name") : get("name_th"),
      nameEn: get("name_en") || null,
      parentCode: get("parent") || null,
      kind: get("kind").toLowerCase(),
    });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => FIELD_OF[String(issue.path[0])] ?? "row"));
      for (const field of fields) {
        errors.push(error(line, field, "invalid", ISSUE_MESSAGES[field] ?? ISSUE_MESSAGES.name!));
      }
      return;
    }
    const unit: UnitImportRow = { line, ...parsed.data };
    const earlier = byCode.get(unit.code);
    if (earlier) {
      errors.push(
        error(line, "code", "duplicate", {
          th: `รหัส ${unit.code} ซ้ำกับแถวที่ ${earlier.line}`,
          en: `code ${unit.code} is already on line ${earlier.line}`,
        }),
      );
      return;
    }
    byCode.set(unit.code, unit);
    rows.push(unit);
  });

  const kindOf = (code: string) => byCode.get(code)?.kind ?? existingByCode.get(code)?.kind;
  const cities = [...existing.filter((u) => u.kind === "city").map((u) => u.code)];
  const create: UnitImportRow[] = [];
  const unchanged: string[] = [];
  for (const unit of rows) {
    const there = existingByCode.get(unit.code);
    if (there) {
      if (there.name !== unit.name || there.parentCode !== unit.parentCode || there.kind !== unit.kind) {
        errors.push(
          error(unit.line, "code", "exists", {
            th: `หน่วยงาน ${unit.code} มีอยู่แล้วในชื่อ "${there.name}" ประเภท ${there.kind} สังกัด ${there.parentCode ?? "-"}: การนำเข้าเพิ่มหน่วยงานใหม่เท่านั้น ไม่แก้ไขหน่วยงานเดิม`,
            en: `unit ${unit.code} exists already as "${there.name}", ${there.kind} under ${there.parentCode ?? "none"}: an import adds units, it does not change them`,
          }),
        );
      } else unchanged.push(unit.code);
      continue;
    }
    if (unit.kind === "city") {
      if (unit.parentCode) {
        errors.push(
          error(unit.line, "parent", "cityHasNoParent", {
            th: "เมืองต้องไม่มีหน่วยงานต้นสังกัด",
            en: "the city has no parent",
          }),
        );
      }
      if (cities.length > 0) {
        errors.push(
          error(unit.line, "kind", "oneCity", {
            th: `มีเมืองอยู่แล้ว (${cities[0]}) ระบบมีเมืองได้เพียงหนึ่งเดียว`,
            en: `there is a city already (${cities[0]}); there is only one`,
          }),
        );
      }
      cities.push(unit.code);
    } else if (!unit.parentCode) {
      errors.push(
        error(unit.line, "parent", "required", {
          th: "หน่วยงานที่ไม่ใช่เมืองต้องมีหน่วยงานต้นสังกัด",
          en: "every unit but the city has a parent",
        }),
      );
    } else if (!kindOf(unit.parentCode)) {
      errors.push(
        error(unit.line, "parent", "unknownParent", {
          th: `ไม่พบหน่วยงานต้นสังกัด ${unit.parentCode} ทั้งในระบบและในไฟล์`,
          en: `no unit ${unit.parentCode}, in the database or in the file`,
        }),
      );
    } else if (kindOf(unit.parentCode) === "division") {
      errors.push(
        error(unit.line, "parent", "divisionParent", {
          th: `หน่วยงาน ${unit.parentCode} เป็นฝ่าย จึงเป็นต้นสังกัดของหน่วยงานอื่นไม่ได้`,
          en: `${unit.parentCode} is a division, which has no units under it`,
        }),
      );
    }
    create.push(unit);
  }

  // parents first; a unit whose chain of parents in the file comes back to it is a cycle
  const ordered: UnitImportRow[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (unit: UnitImportRow): boolean => {
    const seen = state.get(unit.code);
    if (seen === "done") return true;
    if (seen === "visiting") return false;
    state.set(unit.code, "visiting");
    const parent = unit.parentCode ? byCode.get(unit.parentCode) : undefined;
    const fine = !parent || existingByCode.has(parent.code) || visit(parent);
    state.set(unit.code, "done");
    if (!fine) {
      errors.push(
        error(unit.line, "parent", "cycle", {
          th: `หน่วยงาน ${unit.code} เป็นต้นสังกัดของตัวเอง (ผ่านหน่วยงานต้นสังกัดในไฟล์)`,
          en: `unit ${unit.code} would be its own ancestor (through the parents in the file)`,
        }),
      );
    }
    ordered.push(unit);
    return fine;
  };
  for (const unit of create) visit(unit);

  errors.sort((a, b) => lineOf(a) - lineOf(b));
  return { plan: { create: ordered, unchanged }, errors };
}

const lineOf = (e: FieldError) => Number(/^rows\[(\d+)\]/.exec(e.path)?.[1] ?? 0);

/** A units file as the admin page sends it: its text (UTF-8), at most 2 MB. */
export const unitImportInput = z
  .strictObject({
    csv: z
      .string()
      .min(1)
      .max(2 * 1024 * 1024),
  })
  .meta({ id: "UnitImportInput" });

/** Fiscal years to add (Buddhist era), from the command line or the admin page. */
export const fiscalYearsInput = z
  .strictObject({
    years: z.array(z.number().int().min(FISCAL_YEAR_MIN).max(FISCAL_YEAR_MAX)).min(1).max(50),
  })
  .meta({ id: "FiscalYearsInput" });

export const unitImportResult = z
  .object({
    created: z.array(unitCode),
    unchanged: z.array(unitCode),
  })
  .meta({ id: "UnitImportResult" });

export const fiscalYearsResult = z
  .object({ created: z.array(z.number().int()), unchanged: z.array(z.number().int()) })
  .meta({ id: "FiscalYearsResult" });

export type UnitImportResult = z.infer<typeof unitImportResult>;
export type FiscalYearsResult = z.infer<typeof fiscalYearsResult>;
