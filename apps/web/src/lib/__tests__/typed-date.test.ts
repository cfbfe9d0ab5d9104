import { describe, expect, it } from "vitest";
import { parseTypedDate } from "../typed-date";

describe("parseTypedDate", () => {
  it.each([
    ["2021-09-20", "2021-09-20"],
    ["2564-09-20", "2021-09-20"],
    ["20/9/2564", "2021-09-20"],
    ["20/09/2021", "2021-09-20"],
    ["30/11/2563", "2020-11-30"],
    ["20 ก.ย. 2564", "2021-09-20"],
    ["20 ก.ย. พ.ศ. 2564", "2021-09-20"],
    ["20 กันยายน 2564", "2021-09-20"],
    ["20 Sep 2021", "2021-09-20"],
    ["20 Sept 2021", "2021-09-20"],
    ["20 September 2021", "2021-09-20"],
    ["29 ก.พ. 2567", "2024-02-29"],
  ])("reads %s as %s", (typed, iso) => {
    expect(parseTypedDate(typed)).toBe(iso);
  });

  it.each(["", "20", "31/2/2564", "29 ก.พ. 2566", "12/29/2020", "20 Foo 2021", "2021-13-01"])("refuses %s", (typed) => {
    expect(parseTypedDate(typed)).toBeNull();
  });

  it("reads back what the app shows, in both languages", () => {
    const day = new Date("2021-09-20T00:00:00Z");
    for (const locale of ["th-TH-u-ca-buddhist", "en-GB"]) {
      const shown = new Intl.DateTimeFormat(locale, {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      });
      expect(parseTypedDate(shown.format(day))).toBe("2021-09-20");
    }
  });
});
