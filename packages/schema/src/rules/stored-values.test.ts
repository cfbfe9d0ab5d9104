import { describe, expect, it } from "vitest";
import { hasAtMostTwoDecimals } from "./decimals";
import {
  acceptedFiscalYears,
  DATE_MAX,
  DATE_MIN,
  hasVisibleCharacter,
  isStorableText,
  reportingWindow,
} from "./stored-values";

describe("what the database can store", () => {
  it("refuses NUL and lone surrogates, keeps Thai text and emoji", () => {
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("a\ud800b")).toBe(false);
    expect(isStorableText("a\udc00")).toBe(false);
    expect(isStorableText("โครงการปรับปรุงถนน 🚧")).toBe(true);
    expect(isStorableText("")).toBe(true);
  });

  it("sees a name made only of zero-width or blank characters as blank", () => {
    for (const blank of ["", "   ", "\u200b\u200c\u200d", "\ufeff\u2060", "\u00a0\u3000", "\u180e", "\u3164"]) {
      expect(hasVisibleCharacter(blank), JSON.stringify(blank)).toBe(false);
    }
    for (const name of ["ก", "\u200bถนน", "a", "๑", "-"]) expect(hasVisibleCharacter(name)).toBe(true);
  });

  it("takes at most two decimals exactly, never by a tolerance", () => {
    expect([33.33, 100, 0.1, 0.29, 999_999_999_999.99, 0].every(hasAtMostTwoDecimals)).toBe(true);
    expect([1.005, 1e-10, 0.001, 33.333, Number.NaN, Number.POSITIVE_INFINITY].some(hasAtMostTwoDecimals)).toBe(false);
  });

  it("bounds dates to the fiscal years 2500-2700 and new records to 30 years back and 2 ahead", () => {
    expect([DATE_MIN, DATE_MAX]).toEqual(["1956-10-01", "2157-09-30"]);
    expect(acceptedFiscalYears(2570)).toEqual({ min: 2540, max: 2572 });
  });

  it("lets a project report from its fiscal year's first day to a year after its last", () => {
    expect(reportingWindow(2570)).toEqual({ start: "2026-10-01", end: "2028-09-30" });
  });
});
