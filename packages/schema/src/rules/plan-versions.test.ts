import { describe, expect, it } from "vitest";
import { planDifference, plannedCurve, versionInForce } from "./plan-versions";

const step = (name: string, weight: number, plannedStart: string | null, plannedEnd: string | null) => ({
  name,
  weight,
  plannedStart,
  plannedEnd,
});

describe("plan versions", () => {
  const baseline = [step("ออกแบบ", 40, "2026-10-01", "2026-11-30"), step("ก่อสร้าง", 60, "2026-12-01", "2027-03-31")];
  const current = [
    step("ออกแบบ", 30, "2026-10-01", "2026-12-31"),
    step("ก่อสร้าง", 50, "2026-12-01", "2027-03-31"),
    step("ส่งมอบ", 20, "2027-04-01", "2027-04-30"),
  ];

  it("says which steps were added, removed or moved, and how", () => {
    expect(planDifference(baseline, current)).toEqual([
      {
        kind: "changed",
        name: "ออกแบบ",
        fields: [
          { field: "weight", from: 40, to: 30 },
          { field: "plannedEnd", from: "2026-11-30", to: "2026-12-31" },
        ],
      },
      { kind: "changed", name: "ก่อสร้าง", fields: [{ field: "weight", from: 60, to: 50 }] },
      { kind: "added", name: "ส่งมอบ", weight: 20 },
    ]);
    expect(planDifference(current, baseline).at(-1)).toEqual({ kind: "removed", name: "ส่งมอบ", weight: 20 });
    expect(planDifference(baseline, baseline)).toEqual([]);
  });

  it("draws each version's planned curve at month ends", () => {
    expect(plannedCurve(baseline, ["2026-11-30", "2027-03-31"])).toEqual([40, 100]);
    expect(plannedCurve(current, ["2026-11-30", "2027-03-31"])[1]).toBe(80);
  });

  it("takes the version in force on a day: the last on or before it, or the first made later", () => {
    const versions = [{ at: "2026-09-20T02:00:00Z" }, { at: "2026-10-01T03:00:00Z" }, { at: "2026-12-01T03:00:00Z" }];
    expect(versionInForce(versions, "2026-10-01")).toBe(versions[1]);
    expect(versionInForce(versions, "2026-09-30")).toBe(versions[0]);
    expect(versionInForce(versions.slice(2), "2026-10-01")).toBe(versions[2]);
  });
});
