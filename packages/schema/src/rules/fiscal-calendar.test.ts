import { describe, expect, it } from "vitest";
import {
  closedMonthEnds,
  fiscalQuarterOf,
  fiscalQuarterSpan,
  fiscalYearOf,
  fiscalYearSpan,
  monthEndsOf,
  monthSpan,
  toBuddhistYear,
  toCommonYear,
} from "./fiscal-calendar";

describe("fiscal calendar", () => {
  it("converts between the Buddhist and common eras", () => {
    expect(toBuddhistYear(2021)).toBe(2564);
    expect(toCommonYear(2564)).toBe(2021);
  });

  it.each([
    ["2020-12-31", 2564, 1],
    ["2021-01-01", 2564, 2],
    ["2021-10-01", 2565, 1],
    ["2020-10-01", 2564, 1],
    ["2020-09-30", 2563, 4],
    ["2021-03-31", 2564, 2],
    ["2021-04-01", 2564, 3],
    ["2021-06-30", 2564, 3],
    ["2021-07-01", 2564, 4],
    ["2021-09-30", 2564, 4],
  ])("%s is FY %i Q%i", (date, year, quarter) => {
    expect(fiscalYearOf(date)).toBe(year);
    expect(fiscalQuarterOf(date)).toBe(quarter);
  });

  it("spans a fiscal year and its quarters", () => {
    expect(fiscalYearSpan(2564)).toEqual({ start: "2020-10-01", end: "2021-09-30" });
    expect(fiscalQuarterSpan(2564, 1)).toEqual({ start: "2020-10-01", end: "2020-12-31" });
    expect(fiscalQuarterSpan(2564, 2)).toEqual({ start: "2021-01-01", end: "2021-03-31" });
    expect(fiscalQuarterSpan(2564, 4)).toEqual({ start: "2021-07-01", end: "2021-09-30" });
  });

  it("spans a month, leap years included", () => {
    expect(monthSpan("2024-02-10")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(monthSpan("2021-12-31")).toEqual({ start: "2021-12-01", end: "2021-12-31" });
  });
});

describe("month ends of a fiscal year", () => {
  it("lists the twelve month ends from October, with leap February", () => {
    const ends = monthEndsOf(2567);
    expect(ends).toHaveLength(12);
    expect(ends[0]).toBe("2023-10-31");
    expect(ends[4]).toBe("2024-02-29");
    expect(ends[11]).toBe("2024-09-30");
    expect(monthEndsOf(2570)[4]).toBe("2027-02-28");
  });

  it("closes only the months over before today's month", () => {
    expect(closedMonthEnds(2570, "2026-11-25")).toEqual(["2026-10-31"]);
    expect(closedMonthEnds(2570, "2026-11-01")).toEqual(["2026-10-31"]);
    expect(closedMonthEnds(2570, "2026-10-31")).toEqual([]);
    expect(closedMonthEnds(2569, "2026-11-25")).toEqual(monthEndsOf(2569));
    expect(closedMonthEnds(2571, "2026-11-25")).toEqual([]);
  });
});
