import { describe, expect, it } from "vitest";
import { reportedThisMonth } from "./monthly-report";
import { projectDeadline, scheduleStatus } from "./schedule-status";
import { budgetSpentAsOf, latestSpending } from "./spending";

const step = (weight: number, plannedStart: string | null, plannedEnd: string | null) => ({
  weight,
  plannedStart,
  plannedEnd,
});

describe("late: not finished when the year or the planned finish has passed", () => {
  // project 50450000-105: FY 2569 (ended 30 Sep 2026), 96.67 % against a plan of 100 %
  const plan = [step(50, "2025-10-01", "2026-03-31"), step(50, "2026-04-01", "2026-09-30")];

  it("is late after the fiscal year ends, not on track", () => {
    const deadline = projectDeadline(2569, null);
    expect(deadline).toBe("2026-09-30");
    expect(scheduleStatus(96.67, plan, "2026-11-25", deadline)).toBe("late");
    expect(scheduleStatus(96.67, plan, "2026-09-30", deadline)).toBe("on_track");
    expect(scheduleStatus(null, [], "2026-10-01", deadline)).toBe("late");
  });

  it("is late after the planned finish when the project has one", () => {
    const deadline = projectDeadline(2569, "2026-06-30");
    expect(deadline).toBe("2026-06-30");
    expect(scheduleStatus(80, plan, "2026-07-01", deadline)).toBe("late");
    expect(scheduleStatus(80, plan, "2026-06-30", deadline)).not.toBe("late");
  });

  it("a finished project is done, never late", () => {
    expect(scheduleStatus(100, plan, "2027-01-01", projectDeadline(2569, null))).toBe("done");
  });
});

describe("reported this month: one rule", () => {
  const reports = [{ reportDate: "2026-03-10" }, { reportDate: "2026-04-05" }];

  it("looks at the as-of date's month, up to the as-of date", () => {
    expect(reportedThisMonth(reports, 50, "2026-03-31")).toBe(true);
    expect(reportedThisMonth(reports, 50, "2026-04-04")).toBe(false);
    expect(reportedThisMonth(reports, 50, "2026-04-30")).toBe(true);
    expect(reportedThisMonth(reports, 50, "2026-05-31")).toBe(false);
  });

  it("a finished project (100 %) is never 'not reported'", () => {
    expect(reportedThisMonth([], 100, "2026-11-25")).toBe(true);
    expect(reportedThisMonth(reports, 100, "2026-11-25")).toBe(true);
    expect(reportedThisMonth(reports, 99.99, "2026-11-25")).toBe(false);
  });
});

describe("budget spent as of a date", () => {
  const spending = [
    { spentAsOf: "2025-12-31", amount: 100_000 },
    { spentAsOf: "2026-03-31", amount: 250_000 },
    { spentAsOf: "2026-06-15", amount: 400_000.5 },
  ];

  it("is the latest dated amount on or before the date", () => {
    expect(budgetSpentAsOf(spending, 400_000.5, "2025-11-30")).toEqual({ amount: null, undated: false });
    expect(budgetSpentAsOf(spending, 400_000.5, "2025-12-31")).toEqual({ amount: 100_000, undated: false });
    expect(budgetSpentAsOf(spending, 400_000.5, "2026-03-31")).toEqual({ amount: 250_000, undated: false });
    expect(budgetSpentAsOf(spending, 400_000.5, "2026-09-30")).toEqual({ amount: 400_000.5, undated: false });
    expect(latestSpending([...spending].reverse())).toEqual(spending[2]);
  });

  it("without a dated history, is the latest amount, flagged undated", () => {
    expect(budgetSpentAsOf([], 75_000, "2026-03-31")).toEqual({ amount: 75_000, undated: true });
    expect(budgetSpentAsOf([], null, "2026-03-31")).toEqual({ amount: null, undated: false });
  });
});
