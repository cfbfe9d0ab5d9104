import {
  type FieldError,
  type FiscalYearsResult,
  planUnitImport,
  type UnitImportResult,
  unitCsvHeaderProblems,
  userCreate,
} from "@cpm/schema";
import { fiscalYearSpan } from "@cpm/schema/rules";
import { CsvError, parse } from "csv-parse/sync";
import { ANONYMOUS } from "../auth/actor";
import type { PrismaClient } from "../generated/prisma/client";
import { toDbDate } from "../lib/dates";
import { DomainError } from "../lib/problems";
import { nameColumns } from "../lib/text-columns";
import type { ChangeContext } from "../repositories/audit";
import { usersRepository } from "../repositories/users-repository";

/**
 * The first run of a city's own database (SEED_DEMO=false: no units, no users): its first admin,
 * its units from a CSV file and its fiscal years. Used by the `admin` command and the admin routes.
 */

const refused = (errors: FieldError[], en: string, th: string) =>
  new DomainError(400, "validation", "Bad Request", { th, en }, errors);

/** The command line's changes are recorded as the system's. */
export const COMMAND_LINE: ChangeContext = { actor: ANONYMOUS, requestId: "command-line" };

/** Records of a units file (UTF-8, a byte-order mark allowed), keyed by the header's lower-cased names. */
export function parseUnitsCsv(text: string): Record<string, string>[] {
  let records: Record<string, string>[];
  let header: string[] = [];
  try {
    records = parse(text, {
      bom: true,
      columns: (names: string[]) => {
        header = names.map((h) => h.trim().toLowerCase());
        return header;
      },
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 0;
    throw refused(
      [
        {
          path: `rows[${line}]`,
          code: "csv",
          message: {
            th: `แถวที่ ${line}: อ่านเป็น CSV ไม่ได้ (${error.code})`,
            en: `Line ${line}: not CSV (${error.message})`,
          },
        },
      ],
      "The file is not CSV",
      "ไฟล์ไม่ใช่ CSV",
    );
  }
  const problems = unitCsvHeaderProblems(header);
  if (problems.length)
    throw refused(problems, "The file's first line must name its columns", "แถวแรกของไฟล์ต้องเป็นชื่อคอลัมน์");
  if (records.length === 0) {
    throw refused(
      [{ path: "rows", code: "empty", message: { th: "ไฟล์ไม่มีหน่วยงาน", en: "The file has no units" } }],
      "The file has no units",
      "ไฟล์ไม่มีหน่วยงาน",
    );
  }
  return records;
}

/**
 * Add the units of a CSV file, all or nothing: every problem of the file is reported (400, each
 * naming its line and column) and nothing is written; else every new unit is created in one
 * transaction, parents first. Units already there, alike, are left as they are.
 */
export async function importUnits(prisma: PrismaClient, csv: string): Promise<UnitImportResult> {
  const records = parseUnitsCsv(csv);
  return prisma.$transaction(async (tx) => {
    // one import at a time: the next one sees this one's units
    await tx.$executeRawUnsafe("LOCK TABLE org_unit IN SHARE ROW EXCLUSIVE MODE");
    const rows = await tx.orgUnit.findMany({
      select: { code: true, name: true, kind: true, parent: { select: { code: true } } },
    });
    const existing = rows.map((u) => ({
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentCode: u.parent?.code ?? null,
    }));
    const { plan, errors } = planUnitImport(records, existing);
    if (errors.length) {
      throw refused(
        errors,
        `The file has ${errors.length} problem(s); nothing was imported`,
        `ไฟล์มีข้อผิดพลาด ${errors.length} รายการ จึงไม่ได้นำเข้าหน่วยงานใดเลย`,
      );
    }
    const ids = new Map<string, number>();
    const idOf = async (code: string) =>
      ids.get(code) ?? (await tx.orgUnit.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
    for (const unit of plan.create) {
      const created = await tx.orgUnit.create({
        data: {
          code: unit.code,
          name: unit.name,
          nameEn: unit.nameEn,
          kind: unit.kind,
          parentId: unit.parentCode ? await idOf(unit.parentCode) : null,
          ...nameColumns(unit.name),
        },
        select: { id: true },
      });
      ids.set(unit.code, created.id);
    }
    return { created: plan.create.map((u) => u.code), unchanged: plan.unchanged };
  });
}

/** Add fiscal years (Buddhist era; 1 October to 30 September); those already there are left. */
export async function addFiscalYears(prisma: PrismaClient, years: number[]): Promise<FiscalYearsResult> {
  const wanted = [...new Set(years)].sort((a, b) => a - b);
  return prisma.$transaction(async (tx) => {
    const there = new Set(
      (await tx.fiscalYear.findMany({ where: { year: { in: wanted } }, select: { year: true } })).map((f) => f.year),
    );
    const created = wanted.filter((year) => !there.has(year));
    if (created.length) {
      await tx.fiscalYear.createMany({
        data: created.map((year) => {
          const span = fiscalYearSpan(year);
          return { year, startsOn: toDbDate(span.start), endsOn: toDbDate(span.end) };
        }),
        skipDuplicates: true,
      });
    }
    return { created, unchanged: wanted.filter((year) => there.has(year)) };
  });
}

/** The first admin (or another one): the password is checked as the admin page checks it, and stored hashed. */
export async function createAdmin(
  prisma: PrismaClient,
  input: { username: string; displayName: string; password: string },
) {
  const parsed = userCreate.safeParse({ ...input, role: "admin", unitCode: null });
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    throw refused(
      fields.map((field) => ({
        path: field,
        code: "invalid",
        message:
          field === "password"
            ? { th: "รหัสผ่านต้องยาว 10-200 ตัวอักษร", en: "The password is 10 to 200 characters" }
            : field === "username"
              ? {
                  th: "ชื่อผู้ใช้ 3-100 ตัว: a-z 0-9 . _ -",
                  en: "The user name is 3 to 100 of a-z 0-9 . _ -",
                }
              : { th: `${field} ไม่ถูกต้อง`, en: `${field} is invalid` },
      })),
      `Invalid: ${fields.join(", ")}`,
      `ข้อมูลไม่ถูกต้อง: ${fields.join(", ")}`,
    );
  }
  return usersRepository(prisma).create(parsed.data, COMMAND_LINE);
}
