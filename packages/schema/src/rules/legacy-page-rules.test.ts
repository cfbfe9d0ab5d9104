import { describe, expect, it } from "vitest";
import { dateFromEitherEra, legacyPageFlags, measureTypeOfUnit, slashDate } from "./legacy-page-rules";

const step = (weight: number, plannedStart: string | null, plannedEnd: string | null) => ({
  weight,
  plannedStart,
  plannedEnd,
});

describe("dates on legacy pages", () => {
  it("reads a year in the Buddhist or the common era", () => {
    expect(dateFromEitherEra(2564, 9, 20)).toBe("2021-09-20");
    expect(dateFromEitherEra(2021, 9, 20)).toBe("2021-09-20");
    expect(dateFromEitherEra(2563, 2, 30)).toBeNull();
  });

  it("reads d/m/y, and m/d/y when d/m/y is not a real date", () => {
    expect(slashDate("20/09/2564")).toBe("2021-09-20");
    expect(slashDate("25/1/2021")).toBe("2021-01-25");
    expect(slashDate("12/29/2020")).toBe("2020-12-29");
    expect(slashDate("05/04/2564")).toBe("2021-04-05");
    expect(slashDate("2021-04-05")).toBeNull();
  });
});

describe("legacyPageFlags", () => {
  const reports = [
    { reportDate: "2020-10-27", percent: 10 },
    { reportDate: "2020-11-30", percent: 17 },
  ];

  it("flags nothing on a sound page", () => {
    expect(
      legacyPageFlags(
        { steps: [step(40, "2020-10-01", "2020-12-31"), step(60, "2021-01-01", "2021-09-30")], reports },
        2564,
      ),
    ).toEqual([]);
    expect(legacyPageFlags({ steps: [], reports: [] }, 2564)).toEqual([]);
  });

  it("flags weights that do not add up to 100, with the total", () => {
    const flags = legacyPageFlags(
      { steps: [step(10, "2020-10-01", "2020-10-31"), step(80, "2020-11-01", "2021-09-30")], reports },
      2564,
    );
    expect(flags).toEqual([expect.objectContaining({ code: "weightsSum", path: "steps" })]);
    expect(flags[0]?.message.en).toContain("90");
    expect(flags[0]?.message.th).toContain("90");
  });

  it("flags step dates all on one day, as the reference page has them", () => {
    const steps = [step(50, "2020-10-01", "2020-10-01"), step(50, "2020-10-01", "2020-10-01")];
    expect(legacyPageFlags({ steps, reports }, 2564).map((f) => f.code)).toEqual(["stepDatesOneDay"]);
    // one step spanning days is a schedule
    expect(legacyPageFlags({ steps: [step(100, "2020-10-01", "2020-10-02")], reports }, 2564)).toEqual([]);
  });

  it("flags each report whose percent drops below the one before it, in date order", () => {
    const flags = legacyPageFlags(
      {
        steps: [],
        reports: [
          { reportDate: "2021-08-31", percent: 92 },
          { reportDate: "2021-07-27", percent: 95 },
          { reportDate: "2021-09-20", percent: 100 },
        ],
      },
      2564,
    );
    expect(flags).toEqual([expect.objectContaining({ code: "percentDrops", path: "reports.2021-08-31" })]);
  });

  it("flags a report dated after the fiscal year's end (30 September)", () => {
    const flags = legacyPageFlags(
      {
        steps: [],
        reports: [...reports, { reportDate: "2021-09-30", percent: 90 }, { reportDate: "2021-10-05", percent: 100 }],
      },
      2564,
    );
    expect(flags).toEqual([expect.objectContaining({ code: "reportAfterYearEnd", path: "reports.2021-10-05" })]);
  });
});

describe("measureTypeOfUnit", () => {
  it("reads ระดับ as a level, ร้อยละ as a percent, any other unit as a number", () => {
    expect(measureTypeOfUnit("ระดับ")).toBe("level");
    expect(measureTypeOfUnit("ร้อยละ")).toBe("percent");
    expect(measureTypeOfUnit("ครั้ง")).toBe("number");
    expect(measureTypeOfUnit("")).toBe("number");
  });
});
