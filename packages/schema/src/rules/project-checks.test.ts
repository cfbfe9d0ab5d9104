import { describe, expect, it } from "vitest";
import { checkMessage, projectChecks } from "./project-checks";

const base = { fiscalYear: 2570, steps: [], budgetAllocated: null, budgetSpent: null };
const report = (id: number, reportDate: string, percent: number) => ({ id, reportDate, percent });

describe("project checks", () => {
  it("warns of a cumulative percent that drops below an earlier report's", () => {
    const warnings = projectChecks(
      { ...base, reports: [report(1, "2026-10-20", 30), report(2, "2026-11-20", 25), report(3, "2026-12-10", 28)] },
      "2026-12-15",
    ).filter((w) => w.code === "percentDropped");
    expect(warnings.map((w) => w.key)).toEqual(["percentDropped:2026-11-20", "percentDropped:2026-12-10"]);
    expect(checkMessage(warnings[0] as never).th).toBe(
      "ร้อยละความคืบหน้าสะสมลดลงจาก 30 (2026-10-20) เหลือ 25 ในรายงานวันที่ 2026-11-20",
    );
  });

  it("warns of a project at 100 whose steps are not all complete", () => {
    const steps = [
      { name: "ก", completion: 100 },
      { name: "ข", completion: 60 },
    ];
    expect(projectChecks({ ...base, steps, reports: [report(1, "2026-10-20", 100)] }, "2026-11-05")).toEqual([
      { code: "doneWithOpenSteps", key: "doneWithOpenSteps", params: { steps: ["ข"] } },
    ]);
  });

  it("expects a report every closed month of the year until the project is done", () => {
    const keys = (reports: ReturnType<typeof report>[], today: string) =>
      projectChecks({ ...base, reports }, today)
        .filter((w) => w.code === "missingMonthlyReport")
        .map((w) => w.key);
    // October and November closed by 2026-12-15; December is not
    expect(keys([], "2026-12-15")).toEqual(["missingMonthlyReport:2026-10", "missingMonthlyReport:2026-11"]);
    expect(keys([report(1, "2026-11-30", 40)], "2026-12-15")).toEqual(["missingMonthlyReport:2026-10"]);
    // done in October: nothing expected after
    expect(keys([report(1, "2026-10-15", 100)], "2027-03-01")).toEqual([]);
  });

  it("warns of spending above the allocation, to the satang", () => {
    const over = projectChecks({ ...base, reports: [], budgetAllocated: 1000, budgetSpent: 1000.01 }, "2026-10-02");
    expect(over).toEqual([{ code: "overspent", key: "overspent", params: { allocated: 1000, spent: 1000.01 } }]);
    expect(projectChecks({ ...base, reports: [], budgetAllocated: 1000, budgetSpent: 1000 }, "2026-10-02")).toEqual([]);
  });
});
