import { describe, expect, it } from "vitest";
import { landingPath } from "../landing";

const user = (role: "admin" | "officer" | "head" | "evaluator" | "executive", unitCode: string | null) => ({
  user: { username: "u", displayName: "u", role, unitCode, unitName: null, disabled: false },
});

describe("where signing in lands", () => {
  it("lands each role where its day starts", () => {
    expect(landingPath(user("officer", "50450000"))).toBe("/my-unit");
    expect(landingPath(user("head", "50450000"))).toBe("/my-unit");
    expect(landingPath(user("evaluator", "21000000"))).toBe("/evaluations");
    expect(landingPath(user("executive", null))).toBe("/dashboard");
    expect(landingPath(user("executive", "50450000"))).toBe("/dashboard/50450000");
    expect(landingPath(user("admin", null))).toBe("/dashboard");
    expect(landingPath(null)).toBe("/dashboard");
  });

  it("sends an officer without a unit to the list rather than an empty page", () => {
    expect(landingPath(user("officer", null))).toBe("/projects");
  });
});
