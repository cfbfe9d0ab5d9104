import type { AuditEvent } from "@cpm/schema";
import type { Locale } from "../../../lib/i18n";

type Words = { th: string; en: string };

/** What each kind of change is called in the history. */
const ACTIONS: Record<string, Words> = {
  "project.create": { th: "สร้างโครงการ", en: "Created the project" },
  "project.update": { th: "แก้ไขข้อมูลโครงการ", en: "Changed the project's details" },
  "project.delete": { th: "ลบโครงการ", en: "Deleted the project" },
  "project.restore": { th: "นำโครงการกลับมา", en: "Restored the project" },
  "project.move": { th: "ย้ายโครงการไปหน่วยงานอื่น", en: "Moved the project to another unit" },
  "project.import": { th: "นำเข้าจากหน้าโครงการเดิม", en: "Imported from the legacy page" },
  "plan.replace": { th: "แก้ไขแผนการดำเนินงาน", en: "Changed the plan" },
  "report.create": { th: "รายงานผลการดำเนินงาน", en: "Reported progress" },
  "report.update": { th: "แก้ไขรายงานผลการดำเนินงาน", en: "Corrected a progress report" },
  "report.delete": { th: "ถอนรายงานผลการดำเนินงาน", en: "Withdrew a progress report" },
  "evaluation.put": { th: "บันทึกผลประเมินของ สยป.", en: "Scored a quarter (evaluation office)" },
  "spending.record": { th: "บันทึกงบประมาณที่ใช้ไป", en: "Recorded the budget spent" },
  "spending.remove": {
    th: "นำงบประมาณที่ใช้ไปซึ่งมากับรายงานออก",
    en: "Took away the budget spent that came with a report",
  },
  "indicator.create": { th: "สร้างตัวชี้วัด", en: "Created a KPI" },
  "indicator.update": { th: "แก้ไขตัวชี้วัด", en: "Changed a KPI" },
  "indicator.quarter": { th: "บันทึกผลตัวชี้วัดรายไตรมาส", en: "Recorded a KPI quarter" },
};

/** Field names in the words of the project page. */
const FIELDS: Record<string, Words> = {
  code: { th: "รหัสโครงการ", en: "Code" },
  name: { th: "ชื่อโครงการ", en: "Name" },
  unitCode: { th: "หน่วยงาน", en: "Unit" },
  fiscalYear: { th: "ปีงบประมาณ", en: "Fiscal year" },
  responsibleOfficer: { th: "ผู้รับผิดชอบ", en: "Responsible officer" },
  responsibleUnitCode: { th: "หน่วยงานรับผิดชอบ", en: "Responsible division" },
  budgetUnitCode: { th: "หน่วยเบิกจ่าย", en: "Budget division" },
  rationale: { th: "หลักการและเหตุผล", en: "Rationale" },
  objectives: { th: "วัตถุประสงค์", en: "Objectives" },
  targets: { th: "เป้าหมาย", en: "Targets" },
  strategyCode: { th: "ยุทธศาสตร์", en: "Strategy" },
  policyCodes: { th: "นโยบาย", en: "Policies" },
  budgetAllocated: { th: "งบประมาณที่ได้รับ", en: "Budget allocated" },
  budgetSpent: { th: "งบประมาณที่ใช้ไป", en: "Budget spent" },
  plannedStart: { th: "วันเริ่มโครงการ (แผน)", en: "Planned start" },
  plannedFinish: { th: "วันสิ้นสุดโครงการ (แผน)", en: "Planned finish" },
  steps: { th: "ขั้นตอน", en: "Steps" },
  reportDate: { th: "วันที่รายงาน", en: "Report date" },
  percent: { th: "ร้อยละความคืบหน้า", en: "Percent" },
  narrative: { th: "ผลการดำเนินงาน", en: "Narrative" },
  problems: { th: "ปัญหา", en: "Problems" },
  obstacles: { th: "อุปสรรค", en: "Obstacles" },
  quarter: { th: "ไตรมาส", en: "Quarter" },
  score: { th: "คะแนน", en: "Score" },
  note: { th: "หมายเหตุ", en: "Note" },
  value: { th: "ผลงาน", en: "Result" },
  score21: { th: "ผลประเมิน 2.1", en: "Score 2.1" },
  score22: { th: "ผลประเมิน 2.2", en: "Score 2.2" },
  spentAsOf: { th: "ณ วันที่", en: "As of" },
  amount: { th: "จำนวนเงิน (บาท)", en: "Amount (THB)" },
  reportId: { th: "มากับรายงาน (เลขที่)", en: "With report (no.)" },
};

export interface HistoryChange {
  field: string;
  /** null: the field had no value (a creation), or has none now (a withdrawal). */
  from: string | null;
  to: string | null;
}

export interface HistoryEntry {
  id: number;
  /** When, in the user's calendar: Buddhist era in Thai, common era in English, Bangkok time. */
  when: string;
  /** The same instant as ISO, for a <time> element. */
  at: string;
  who: string;
  what: string;
  changes: HistoryChange[];
  /** Why, as the writer said (a correction, a drop, a withdrawal). */
  reason: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LONG_TEXT = 120;

/** Everything that turns a stored value into words, in one language. */
function formatters(locale: Locale) {
  const calendar = locale === "th" ? "th-TH-u-ca-buddhist" : "en-GB";
  const day = new Intl.DateTimeFormat(calendar, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const instant = new Intl.DateTimeFormat(calendar, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Bangkok",
  });
  const numbers = new Intl.NumberFormat(locale === "th" ? "th-TH" : "en-US", { maximumFractionDigits: 2 });
  const none = locale === "th" ? "(ว่าง)" : "(empty)";
  const value = (field: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === "") return none;
    if (field === "steps" && Array.isArray(raw)) {
      const steps = raw as { name?: string; weight?: number }[];
      const count = locale === "th" ? `${steps.length} ขั้นตอน` : `${steps.length} steps`;
      return `${count}: ${steps.map((s, i) => `${i + 1}. ${s.name ?? ""} (${numbers.format(s.weight ?? 0)} %)`).join("; ")}`;
    }
    if (Array.isArray(raw)) return raw.length === 0 ? none : raw.map((item) => value(field, item)).join(", ");
    if (typeof raw === "number") return field === "percent" ? `${numbers.format(raw)} %` : numbers.format(raw);
    if (typeof raw === "string" && ISO_DATE.test(raw)) return day.format(new Date(`${raw}T00:00:00Z`));
    if (typeof raw === "string") return raw.length > LONG_TEXT ? `${raw.slice(0, LONG_TEXT)}…` : raw;
    if (typeof raw === "boolean") return raw ? (locale === "th" ? "ใช่" : "yes") : locale === "th" ? "ไม่ใช่" : "no";
    return JSON.stringify(raw);
  };
  return { when: (iso: string) => instant.format(new Date(iso)), value };
}

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * One audit event in words: who, when, what kind of change, and each field that changed from
 * what to what (a creation lists what was set, a withdrawal what was taken back).
 */
export function describeEvent(event: AuditEvent, locale: Locale): HistoryEntry {
  const words = formatters(locale);
  const before = record(event.before);
  const after = record(event.after);
  const reason = typeof after.reason === "string" && after.reason.trim() ? after.reason : null;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => key !== "reason");
  const changes: HistoryChange[] = [];
  for (const field of fields) {
    const had = field in before;
    const has = field in after;
    if (had && has && JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    changes.push({
      field: FIELDS[field]?.[locale] ?? field,
      from: had ? words.value(field, before[field]) : null,
      to: has ? words.value(field, after[field]) : null,
    });
  }
  const action = ACTIONS[event.action]?.[locale] ?? event.action;
  const quarter =
    event.action === "evaluation.put" && after.quarter ? ` ${FIELDS.quarter?.[locale]} ${after.quarter}` : "";
  return {
    id: event.id,
    at: event.at,
    when: words.when(event.at),
    who: event.actor,
    what: `${action}${quarter}`,
    changes,
    reason,
  };
}
