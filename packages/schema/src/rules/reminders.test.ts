import { describe, expect, it } from "vitest";
import { dueReminders, reportingMonthOf } from "./reminders";

const units = [
  { unitId: 1, expected: 3, reported: 1 },
  { unitId: 2, expected: 2, reported: 2 },
];
const users = [
  { userId: 10, role: "officer", unitId: 1 },
  { userId: 11, role: "officer", unitId: 2 },
  { userId: 20, role: "head", unitId: 1 },
  { userId: 30, role: "executive", unitId: null },
  { userId: 40, role: "evaluator", unitId: null },
];

describe("reminders", () => {
  it("are about the previous month, across a year's end", () => {
    expect(reportingMonthOf("2027-01-03")).toBe("2026-12");
    expect(reportingMonthOf("2026-12-05")).toBe("2026-11");
  });

  it("go to the officers of units not fully reported in the three days up to the deadline", () => {
    expect(dueReminders("2026-12-02", units, users)).toEqual([]);
    expect(dueReminders("2026-12-03", units, users)).toEqual([
      {
        userId: 10,
        kind: "officerBeforeDeadline",
        key: "officerBeforeDeadline:2026-11:1",
        month: "2026-11",
        unitId: 1,
      },
    ]);
    expect(dueReminders("2026-12-05", units, users).map((r) => r.userId)).toEqual([10]);
  });

  it("go to the heads after the deadline, and once a month to every executive with the summary", () => {
    expect(dueReminders("2026-12-06", units, users)).toEqual([
      { userId: 20, kind: "headAfterDeadline", key: "headAfterDeadline:2026-11:1", month: "2026-11", unitId: 1 },
      { userId: 30, kind: "executiveSummary", key: "executiveSummary:2026-11", month: "2026-11", unitId: null },
    ]);
    // the same key on a later day: sent once, whatever runs it again
    expect(dueReminders("2026-12-09", units, users)).toEqual([
      { userId: 20, kind: "headAfterDeadline", key: "headAfterDeadline:2026-11:1", month: "2026-11", unitId: 1 },
    ]);
  });

  it("follow a configured deadline", () => {
    expect(dueReminders("2026-12-10", units, users, 10).map((r) => r.kind)).toEqual(["officerBeforeDeadline"]);
  });
});
