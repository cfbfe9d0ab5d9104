import type { z } from "zod";
import type { FieldError, LocalizedMessage } from "./problem";

type Issue = z.core.$ZodIssue;

const REASONS: Record<string, (params: Record<string, unknown>) => LocalizedMessage> = {
  date: () => ({ th: "วันที่ต้องอยู่ในรูปแบบ ปปปป-ดด-วว และเป็นวันที่จริง", en: "Must be a real date as YYYY-MM-DD" }),
  decimals: () => ({ th: "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง", en: "At most two decimal places" }),
  unitCode: () => ({ th: "รหัสหน่วยงานต้องเป็นตัวเลข 8 หลัก", en: "A unit code is 8 digits" }),
  projectCode: () => ({
    th: "รหัสโครงการต้องเป็นรหัสหน่วยงาน-เลขลำดับ เช่น 50450000-3247",
    en: "A project code is the unit code, a dash and a number, e.g. 50450000-3247",
  }),
  indicatorCode: () => ({ th: "รหัสตัวชี้วัดไม่ถูกต้อง", en: "Invalid indicator code" }),
  policyCode: () => ({
    th: "รหัสนโยบายต้องเป็น P ตามด้วยตัวเลข เช่น P145",
    en: "A policy code is P and a number, e.g. P145",
  }),
  blank: () => ({
    th: "ต้องไม่เว้นว่าง (ช่องว่างหรืออักขระที่มองไม่เห็นเพียงอย่างเดียวไม่นับ)",
    en: "Must not be blank (spaces or invisible characters alone do not count)",
  }),
  unstorableText: () => ({
    th: "ข้อความมีอักขระที่บันทึกไม่ได้ (อักขระ NUL หรือ surrogate ที่ไม่ครบคู่)",
    en: "The text holds a character that cannot be stored (NUL or a lone surrogate)",
  }),
  dateRange: (p) => ({
    th: `วันที่ต้องอยู่ระหว่าง ${p.min} ถึง ${p.max}`,
    en: `The date must be between ${p.min} and ${p.max}`,
  }),
  fiscalYearRange: (p) => ({
    th: `ปีงบประมาณต้องอยู่ระหว่าง ${p.min} ถึง ${p.max}`,
    en: `The fiscal year must be between ${p.min} and ${p.max}`,
  }),
  outsideReportingWindow: (p) => ({
    th: `วันที่รายงานของโครงการปีงบประมาณ ${p.fiscalYear} ต้องอยู่ระหว่าง ${p.start} ถึง ${p.end}`,
    en: `A report of a fiscal year ${p.fiscalYear} project must be dated between ${p.start} and ${p.end}`,
  }),
  phoneInText: () => ({
    th: "ใส่หมายเลขโทรศัพท์ในช่องโทรศัพท์ ไม่ใช่ในข้อความ",
    en: "Put the phone number in the phone field, not in the text",
  }),
  endBeforeStart: () => ({ th: "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น", en: "The end must not be before the start" }),
  username: () => ({
    th: "ชื่อผู้ใช้ใช้ได้เฉพาะ a-z 0-9 . _ - ยาว 3 ตัวขึ้นไป",
    en: "A user name is 3 or more of a-z 0-9 . _ -",
  }),
  officerNeedsUnit: () => ({ th: "เจ้าหน้าที่ต้องสังกัดหน่วยงาน", en: "An officer belongs to a unit" }),
  writeKeyNeedsUnits: () => ({ th: "คีย์ที่เขียนข้อมูลได้ต้องระบุหน่วยงาน", en: "A write key names the units it may change" }),
  checkKey: () => ({ th: "รหัสคำเตือนไม่ถูกต้อง", en: "Not a warning's key" }),
  month: () => ({ th: "เดือนต้องอยู่ในรูปแบบ ปปปป-ดด (ค.ศ.) เช่น 2026-11", en: "A month is YYYY-MM, e.g. 2026-11" }),
  levelOutOfRange: () => ({ th: "ค่าระดับต้องอยู่ระหว่าง 1 ถึง 5", en: "A level is between 1 and 5" }),
  percentOutOfRange: () => ({ th: "ค่าร้อยละต้องไม่เกิน 100", en: "A percent is at most 100" }),
  rubricLength: () => ({
    th: "เกณฑ์ระดับต้องมีครบ 5 ระดับ และใช้ได้กับตัวชี้วัดแบบระดับเท่านั้น",
    en: "A level rubric has a text for each of the 5 levels, and only a level KPI has one",
  }),
  weightsSum: (p) => ({
    th: `น้ำหนักของทุกขั้นตอนรวมกันต้องเท่ากับ 100 (ขณะนี้รวมได้ ${p.total})`,
    en: `The step weights must add up to 100 (they add up to ${p.total})`,
  }),
};

/** The Thai and English text of a named reason, for a rule the API checks beyond the schema. */
export function reasonMessage(reason: string, params: Record<string, unknown> = {}): LocalizedMessage {
  const describe = REASONS[reason];
  if (!describe) throw new Error(`No message for the reason ${reason}`);
  return describe(params);
}

/** zod reports a missing value as an invalid type whose received value is undefined. */
const isMissing = (issue: Issue) => issue.code === "invalid_type" && / received undefined$/.test(issue.message);

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean }, side: "min" | "max") {
  const value = side === "min" ? issue.minimum : issue.maximum;
  return { value: String(value), inclusive: issue.inclusive !== false };
}

/** Thai and English text for one zod issue. */
export function describeIssue(issue: Issue): LocalizedMessage {
  switch (issue.code) {
    case "custom": {
      const params = (issue.params ?? {}) as Record<string, unknown>;
      const reason = REASONS[String(params.reason)];
      return reason ? reason(params) : { th: "ค่าไม่ถูกต้อง", en: issue.message };
    }
    case "invalid_type":
      if (isMissing(issue)) return { th: "จำเป็นต้องระบุ", en: "Required" };
      return { th: `ชนิดข้อมูลไม่ถูกต้อง ต้องเป็น ${issue.expected}`, en: `Expected ${issue.expected}` };
    case "too_small": {
      const { value, inclusive } = bound(issue, "min");
      if (issue.origin === "string") return { th: `ต้องมีอย่างน้อย ${value} ตัวอักษร`, en: `At least ${value} characters` };
      if (issue.origin === "array") return { th: `ต้องมีอย่างน้อย ${value} รายการ`, en: `At least ${value} items` };
      return inclusive
        ? { th: `ต้องไม่น้อยกว่า ${value}`, en: `Must be at least ${value}` }
        : { th: `ต้องมากกว่า ${value}`, en: `Must be greater than ${value}` };
    }
    case "too_big": {
      const { value, inclusive } = bound(issue, "max");
      if (issue.origin === "string") return { th: `ยาวได้ไม่เกิน ${value} ตัวอักษร`, en: `At most ${value} characters` };
      if (issue.origin === "array") return { th: `ได้ไม่เกิน ${value} รายการ`, en: `At most ${value} items` };
      return inclusive
        ? { th: `ต้องไม่เกิน ${value}`, en: `Must be at most ${value}` }
        : { th: `ต้องน้อยกว่า ${value}`, en: `Must be less than ${value}` };
    }
    case "unrecognized_keys":
      return { th: `ไม่รู้จักฟิลด์ ${issue.keys.join(", ")}`, en: `Unknown field(s): ${issue.keys.join(", ")}` };
    case "invalid_value":
      return {
        th: `ต้องเป็นค่าใดค่าหนึ่งใน ${issue.values.map(String).join(", ")}`,
        en: `Must be one of ${issue.values.map(String).join(", ")}`,
      };
    case "invalid_union":
      return { th: "ค่าไม่อยู่ในรูปแบบที่รับได้", en: "Not one of the accepted forms" };
    case "invalid_format":
      // patterns name their reason in the message: regex(re, { error: "unitCode" })
      if (REASONS[issue.message]) return (REASONS[issue.message] as (p: object) => LocalizedMessage)({});
      return { th: "รูปแบบไม่ถูกต้อง", en: `Invalid format (${issue.format})` };
    case "not_multiple_of":
      return { th: `ต้องเป็นพหุคูณของ ${issue.divisor}`, en: `Must be a multiple of ${issue.divisor}` };
    default:
      return { th: "ค่าไม่ถูกต้อง", en: issue.message };
  }
}

function issueCode(issue: Issue): string {
  if (issue.code === "custom") return String((issue.params as Record<string, unknown> | undefined)?.reason ?? "custom");
  if (issue.code === "invalid_type" && isMissing(issue)) return "required";
  if (issue.code === "invalid_format" && REASONS[issue.message]) return issue.message;
  return issue.code;
}

/** One field error per zod issue; an unknown key becomes one error per key, at that key's path. */
export function fieldErrorsFromIssues(issues: ReadonlyArray<Issue>, prefix: ReadonlyArray<string | number> = []) {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const base = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        errors.push({
          path: [...base, key].join("."),
          code: "unrecognized_key",
          message: describeIssue({ ...issue, keys: [key] }),
        });
      }
      continue;
    }
    errors.push({ path: base.join("."), code: issueCode(issue), message: describeIssue(issue) });
  }
  return errors;
}
