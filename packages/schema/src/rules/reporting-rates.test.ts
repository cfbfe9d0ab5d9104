import { describe, expect, it } from "vitest";
import { monthBounds, reportingDeadline, reportingRates } from "./reporting-rates";

describe("reporting deadline", () => {
  it("is the 5th of the next month by default, across a year's end", () => {
    expect(reportingDeadline("2026-11")).toBe("2026-12-05");
    expect(reportingDeadline("2026-12")).toBe("2027-01-05");
  });

  it("takes another day, and the next month's last day when it is shorter", () => {
    expect(reportingDeadline("2027-01", 10)).toBe("2027-02-10");
    expect(reportingDeadline("2027-01", 31)).toBe("2027-02-28");
  });

  it("bounds a month", () => {
    expect(monthBounds("2028-02")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
  });
});

describe("reporting rates", () => {
  it("counts reported and on-time projects among the active ones", () => {
    const rates = reportingRates(
      [
        { firstReportWrittenOn: "2026-11-20" },
        { firstReportWrittenOn: "2026-12-05" },
        { firstReportWrittenOn: "2026-12-06" },
        { firstReportWrittenOn: null },
        { firstReportWrittenOn: null },
        { firstReportWrittenOn: null },
      ],
      "2026-12-05",
    );
    expect(rates).toEqual({ expected: 6, reported: 3, onTime: 2, completeness: 50, timeliness: 33.33 });
  });

  it("has no rate where no report is expected", () => {
    expect(reportingRates([], "2026-12-05")).toMatchObject({ completeness: null, timeliness: null });
  });
});
