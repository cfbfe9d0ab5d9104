import type { Month, ReminderKind } from "@cpm/schema/rules";

export type Language = "th" | "en";

const MONTHS_TH = [
  "มกราคม",
  "กุมภาพันธ์",
  "มีนาคม",
  "เมษายน",
  "พฤษภาคม",
  "มิถุนายน",
  "กรกฎาคม",
  "สิงหาคม",
  "กันยายน",
  "ตุลาคม",
  "พฤศจิกายน",
  "ธันวาคม",
];

/** ตุลาคม 2569 (Buddhist era) in Thai, October 2026 in English. */
export function monthName(month: Month, language: Language): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  if (language === "th") return `${MONTHS_TH[number - 1]} ${year + 543}`;
  const name = new Date(Date.UTC(year, number - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  return `${name} ${year}`;
}

export interface ReminderFacts {
  kind: ReminderKind;
  month: Month;
  deadline: string;
  /** the unit's name (th, and en when it has one) for a unit's reminder */
  unit?: { th: string; en: string | null; expected: number; reported: number };
  /** the city's month for the executives' summary */
  summary?: {
    expected: number;
    reported: number;
    unitsBehind: number;
    unitCount: number;
    /** the fiscal year's projects behind or past their planned finish */
    projectsBehind: number;
    /** the fiscal year's KPIs at risk or missed */
    kpisAtRisk: number;
  };
}

const percent = (reported: number, expected: number) =>
  expected === 0 ? 100 : Math.round((reported / expected) * 1000) / 10;

/** The subject and text of a reminder in the user's language (Thai unless the user chose English). */
export function reminderMessage(facts: ReminderFacts, language: Language): { subject: string; body: string } {
  const month = monthName(facts.month, language);
  const [y, m, d] = facts.deadline.split("-").map(Number) as [number, number, number];
  const deadline =
    language === "th"
      ? `${d} ${MONTHS_TH[m - 1]} ${y + 543}`
      : `${d} ${monthName(`${y}-${String(m).padStart(2, "0")}`, "en")}`;
  const unit = facts.unit;
  const unitName = unit ? (language === "en" && unit.en ? unit.en : unit.th) : "";
  const missing = unit ? unit.expected - unit.reported : 0;
  switch (facts.kind) {
    case "officerBeforeDeadline":
      return language === "th"
        ? {
            subject: `เตือน: รายงานผลประจำเดือน${month} ของ${unitName} ครบกำหนด ${deadline}`,
            body: `${unitName} ยังไม่ได้รายงานผล ${missing} จาก ${unit?.expected} โครงการ ของเดือน${month} กรุณารายงานภายใน ${deadline}`,
          }
        : {
            subject: `Reminder: ${unitName}'s reports for ${month} are due on ${deadline}`,
            body: `${unitName} has not reported ${missing} of ${unit?.expected} projects for ${month}. Please report by ${deadline}.`,
          };
    case "headAfterDeadline":
      return language === "th"
        ? {
            subject: `เลยกำหนด: ${unitName} ยังรายงานผลประจำเดือน${month} ไม่ครบ`,
            body: `พ้นกำหนด ${deadline} แล้ว ${unitName} ยังไม่ได้รายงานผล ${missing} จาก ${unit?.expected} โครงการ ของเดือน${month}`,
          }
        : {
            subject: `Overdue: ${unitName}'s reports for ${month} are incomplete`,
            body: `The deadline (${deadline}) has passed and ${unitName} has not reported ${missing} of ${unit?.expected} projects for ${month}.`,
          };
    case "executiveSummary": {
      const s = facts.summary ?? {
        expected: 0,
        reported: 0,
        unitsBehind: 0,
        unitCount: 0,
        projectsBehind: 0,
        kpisAtRisk: 0,
      };
      const rate = percent(s.reported, s.expected);
      return language === "th"
        ? {
            subject: `สรุปการรายงานผลประจำเดือน${month}: ครบถ้วนร้อยละ ${rate}`,
            body: `เดือน${month} รายงานแล้ว ${s.reported} จาก ${s.expected} โครงการ (ร้อยละ ${rate}); หน่วยงานที่ยังรายงานไม่ครบ ${s.unitsBehind} จาก ${s.unitCount} หน่วยงาน; โครงการล่าช้ากว่าแผน ${s.projectsBehind} โครงการ; ตัวชี้วัดที่เสี่ยงไม่บรรลุเป้าหมาย ${s.kpisAtRisk} ตัว`,
          }
        : {
            subject: `Monthly reporting summary for ${month}: ${rate}% complete`,
            body: `For ${month}, ${s.reported} of ${s.expected} projects reported (${rate}%); ${s.unitsBehind} of ${s.unitCount} units have not reported in full; ${s.projectsBehind} projects are behind schedule; ${s.kpisAtRisk} KPIs are at risk.`,
          };
    }
  }
}
