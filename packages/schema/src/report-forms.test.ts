import { describe, expect, it } from "vitest";
import { reportCorrection, reportInputAfter, reportWithdrawalWithReason } from "./report-forms";
import { percentDrops } from "./rules/report-drop";

describe("a report lower than the previous one", () => {
  it("drops only below a previous report, never on the first or an equal one", () => {
    expect(percentDrops(40, 39.99)).toBe(true);
    expect(percentDrops(40, 40)).toBe(false);
    expect(percentDrops(40, 41)).toBe(false);
    expect(percentDrops(null, 0)).toBe(false);
    expect(percentDrops(40, undefined)).toBe(false);
    expect(percentDrops(40, Number.NaN)).toBe(false);
  });

  it("needs a reason when it drops, and only then", () => {
    const base = { reportDate: "2026-11-20", percent: 30 };
    const refused = reportInputAfter(40).safeParse(base);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["reason"]);
    expect(reportInputAfter(40).safeParse({ ...base, reason: "   " }).success).toBe(false);
    expect(reportInputAfter(40).safeParse({ ...base, reason: "นับซ้ำ" }).success).toBe(true);
    expect(reportInputAfter(20).safeParse(base).success).toBe(true);
    expect(reportInputAfter(null).safeParse(base).success).toBe(true);
  });

  it("a correction and a withdrawal always say why", () => {
    expect(reportCorrection.safeParse({ percent: 25 }).success).toBe(false);
    expect(reportCorrection.safeParse({ percent: 25, reason: "พิมพ์ผิด" }).data).toEqual({
      percent: 25,
      reason: "พิมพ์ผิด",
    });
    expect(reportWithdrawalWithReason.safeParse({ reason: "" }).success).toBe(false);
    expect(reportWithdrawalWithReason.safeParse({ reason: "ผิดโครงการ" }).success).toBe(true);
  });
});
