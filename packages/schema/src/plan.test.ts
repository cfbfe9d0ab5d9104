import { describe, expect, it } from "vitest";
import { fieldErrorsFromIssues } from "./field-errors";
import { planInput } from "./plan";
import { reportInput } from "./report";

describe("plan and report schemas", () => {
  it("refuses a plan whose weights add up to 90, naming the steps", () => {
    const result = planInput.safeParse({
      steps: [
        { name: "ก", weight: 40 },
        { name: "ข", weight: 50 },
      ],
    });
    expect(result.success).toBe(false);
    const errors = fieldErrorsFromIssues(result.error?.issues ?? []);
    expect(errors).toEqual([
      expect.objectContaining({
        path: "steps",
        code: "weightsSum",
        message: expect.objectContaining({ en: expect.stringContaining("90") }),
      }),
    ]);
  });

  it("names the step and field of a bad weight and an unknown property", () => {
    const result = planInput.safeParse({
      steps: [
        { name: "ก", weight: 50 },
        { name: "ข", weight: 50.001, colour: "red" },
      ],
    });
    const paths = fieldErrorsFromIssues(result.error?.issues ?? []).map((e) => e.path);
    expect(paths).toContain("steps.1.weight");
    expect(paths).toContain("steps.1.colour");
  });

  it("refuses a percent of 120 and a malformed date, in Thai and English", () => {
    const result = reportInput.safeParse({ reportDate: "2021-02-30", percent: 120 });
    const errors = fieldErrorsFromIssues(result.error?.issues ?? []);
    expect(errors.map((e) => e.path).sort()).toEqual(["percent", "reportDate"]);
    for (const error of errors) {
      expect(error.message.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(error.message.en.length).toBeGreaterThan(3);
    }
  });

  it("keeps texts exactly as entered", () => {
    const narrative = "  งดการประชุมเนื่องจากสถานการณ์การแพร่่ระบาด  ";
    expect(reportInput.parse({ reportDate: "2021-02-25", percent: 42, narrative }).narrative).toBe(narrative);
  });
});
