import { describe, expect, it } from "vitest";
import {
  fiscalQuarterOf,
  fiscalQuarterSpan,
  fiscalYearOf,
  fiscalYearSpan,
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
