import type { AuditEvent } from "@cpm/schema";
import { describe, expect, it } from "vitest";
import { describeEvent } from "../history-words";

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  id: 1,
  at: "2026-11-20T03:15:00.000Z",
  actor: "เจ้าหน้าที่ เขตวังทองหลาง",
  action: "report.update",
  entityType: "report",
  entityKey: "7",
  before: null,
  after: null,
  ...over,
});

describe("the history in words", () => {
  it("says who corrected a report, when in the Buddhist era, what changed from what to what, and why", () => {
    const entry = describeEvent(
      event({
        before: { reportDate: "2026-10-31", percent: 40, narrative: "ก", problems: "ไม่มี", obstacles: "ไม่มี" },
        after: {
          reportDate: "2026-10-31",
          percent: 25,
          narrative: "ก",
          problems: "ฝนตก",
          obstacles: "ไม่มี",
          reason: "พิมพ์ผิด",
        },
      }),
      "th",
    );
    expect(entry.who).toBe("เจ้าหน้าที่ เขตวังทองหลาง");
    expect(entry.what).toBe("แก้ไขรายงานผลการดำเนินงาน");
    // 03:15 UTC is 10:15 in Bangkok, in 2569 of the Buddhist era
    expect(entry.when).toContain("2569");
    expect(entry.when).toContain("10:15");
    expect(entry.changes).toEqual([
      { field: "ร้อยละความคืบหน้า", from: "40 %", to: "25 %" },
      { field: "ปัญหา", from: "ไม่มี", to: "ฝนตก" },
    ]);
    expect(entry.reason).toBe("พิมพ์ผิด");
  });

  it("says it in English with common-era dates", () => {
    const entry = describeEvent(
      event({
        action: "project.update",
        before: { plannedFinish: "2026-09-30" },
        after: { plannedFinish: "2027-03-31" },
      }),
      "en",
    );
    expect(entry.what).toBe("Changed the project's details");
    expect(entry.when).toContain("2026");
    expect(entry.changes).toEqual([{ field: "Planned finish", from: "30 Sept 2026", to: "31 Mar 2027" }]);
  });

  it("lists what a creation set and what a withdrawal took back, with its reason", () => {
    const created = describeEvent(
      event({ action: "report.create", after: { reportDate: "2026-11-20", percent: 30 } }),
      "th",
    );
    expect(created.changes).toEqual([
      { field: "วันที่รายงาน", from: null, to: "20 พ.ย. 2569" },
      { field: "ร้อยละความคืบหน้า", from: null, to: "30 %" },
    ]);
    const withdrawn = describeEvent(
      event({ action: "report.delete", before: { percent: 30 }, after: { reason: "ผิดโครงการ" } }),
      "th",
    );
    expect(withdrawn.what).toBe("ถอนรายงานผลการดำเนินงาน");
    expect(withdrawn.changes).toEqual([{ field: "ร้อยละความคืบหน้า", from: "30 %", to: null }]);
    expect(withdrawn.reason).toBe("ผิดโครงการ");
  });

  it("describes a new plan step by step, and never shows raw JSON or action codes it knows", () => {
    const entry = describeEvent(
      event({
        action: "plan.replace",
        before: { steps: [{ name: "ขออนุมัติ", weight: 100 }] },
        after: {
          steps: [
            { name: "ขออนุมัติ", weight: 40 },
            { name: "ดำเนินการ", weight: 60 },
          ],
        },
      }),
      "th",
    );
    expect(entry.what).toBe("แก้ไขแผนการดำเนินงาน");
    expect(entry.changes).toEqual([
      { field: "ขั้นตอน", from: "1 ขั้นตอน: 1. ขออนุมัติ (100 %)", to: "2 ขั้นตอน: 1. ขออนุมัติ (40 %); 2. ดำเนินการ (60 %)" },
    ]);
    const shown = [entry.what, ...entry.changes.flatMap((c) => [c.field, c.from, c.to])].join(" ");
    expect(shown).not.toMatch(/plan\.replace|[{}"]/);
  });

  it("names the quarter an evaluation scored", () => {
    const entry = describeEvent(
      event({ action: "evaluation.put", before: null, after: { quarter: 2, score: 87.5, note: "" } }),
      "th",
    );
    expect(entry.what).toBe("บันทึกผลประเมินของ สยป. ไตรมาส 2");
    expect(entry.changes).toContainEqual({ field: "คะแนน", from: null, to: "87.5" });
  });
});
