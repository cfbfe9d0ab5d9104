import { dayNumber } from "@cpm/schema/rules";
import { describe, expect, it } from "vitest";
import { reportedByDay } from "../reported-by-day";

describe("the plan-vs-actual chart's reported points", () => {
  it("show a day's latest report: a lower correction of the same day replaces the old point", () => {
    // newest first, as the API lists them: report 12 corrects report 7 of the same day down to 60
    const reports = [
      { id: 12, reportDate: "2026-11-20", percent: 60 },
      { id: 9, reportDate: "2026-10-25", percent: 30 },
      { id: 7, reportDate: "2026-11-20", percent: 85 },
    ];
    const points = reportedByDay(reports);
    expect(points.get(dayNumber("2026-11-20"))).toBe(60);
    expect(points.get(dayNumber("2026-10-25"))).toBe(30);
    expect(points.size).toBe(2);
    expect(reportedByDay([...reports].reverse()).get(dayNumber("2026-11-20"))).toBe(60);
  });
});
