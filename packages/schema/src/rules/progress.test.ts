import { describe, expect, it } from "vitest";
import { totalWeight, weightsAreComplete } from "./plan-weights";
import { latestProgress, latestReport, plannedCompletion, weightedStepCompletion } from "./progress";
import { scheduleStatus } from "./schedule-status";

const step = (weight: number, plannedStart: string | null, plannedEnd: string | null, completion = 0) => ({
  weight,
  plannedStart,
  plannedEnd,
  completion,
});

describe("plan weights", () => {
  it("must sum to exactly 100 with two decimals", () => {
    expect(weightsAreComplete([step(10, null, null), step(10, null, null), step(80, null, null)])).toBe(true);
    expect(weightsAreComplete([step(30, null, null), step(60, null, null)])).toBe(false);
    expect(weightsAreComplete([step(33.33, null, null), step(33.33, null, null), step(33.34, null, null)])).toBe(true);
    expect(weightsAreComplete([step(33.33, null, null), step(33.33, null, null), step(33.33, null, null)])).toBe(false);
    expect(totalWeight([step(0.1, null, null), step(0.2, null, null)])).toBe(0.3);
  });
});

describe("weighted step completion", () => {
  it("is the weight-weighted sum of each step's own completion", () => {
    expect(weightedStepCompletion([step(10, null, null, 100), step(40, null, null, 50), step(50, null, null, 0)])).toBe(
      30,
    );
    expect(weightedStepCompletion([step(100, null, null, 33.33)])).toBe(33.33);
  });
});

describe("planned completion", () => {
  const plan = [step(30, "2021-01-01", "2021-01-31"), step(70, "2021-02-01", "2021-03-31")];

  it("is linear within each step's planned span", () => {
    expect(plannedCompletion(plan, "2020-12-31")).toBe(0);
    expect(plannedCompletion(plan, "2021-01-01")).toBe(0);
    expect(plannedCompletion(plan, "2021-01-16")).toBe(15);
    expect(plannedCompletion(plan, "2021-01-31")).toBe(30);
    expect(plannedCompletion(plan, "2021-03-02")).toBe(65);
    expect(plannedCompletion(plan, "2021-03-31")).toBe(100);
    expect(plannedCompletion(plan, "2022-01-01")).toBe(100);
  });

  it("counts a zero-day step as done from its date and an unscheduled one as not due", () => {
    expect(plannedCompletion([step(40, "2020-10-01", "2020-10-01"), step(60, null, null)], "2020-10-01")).toBe(40);
    expect(plannedCompletion([step(40, "2020-10-01", "2020-10-01")], "2020-09-30")).toBe(0);
  });
});

describe("latest progress", () => {
  it("takes the newest report by date, whatever the order", () => {
    const reports = [
      { id: 1, reportDate: "2021-01-25", percent: 33.33 },
      { id: 3, reportDate: "2021-09-20", percent: 100 },
      { id: 2, reportDate: "2021-08-31", percent: 92 },
    ];
    expect(latestProgress(reports)).toBe(100);
    expect(latestProgress([])).toBeNull();
  });

  it("breaks a tie on the date by the later entry", () => {
    expect(
      latestReport([
        { id: 5, reportDate: "2021-01-01", percent: 10 },
        { id: 9, reportDate: "2021-01-01", percent: 12 },
      ])?.percent,
    ).toBe(12);
  });
});

describe("schedule status", () => {
  const plan = [step(30, "2021-01-01", "2021-01-31"), step(70, "2021-02-01", "2021-03-31")];
  const unscheduled = [step(50, "2020-10-01", "2020-10-01"), step(50, "2020-10-01", "2020-10-01")];

  it("is done at 100 whatever the schedule", () => {
    expect(scheduleStatus(100, unscheduled, "2021-01-01")).toBe("done");
    expect(scheduleStatus(100, plan, "2020-10-01")).toBe("done");
  });

  it("has no schedule when no step spans more than zero days", () => {
    expect(scheduleStatus(50, unscheduled, "2021-01-01")).toBe("no_schedule");
    expect(scheduleStatus(null, [], "2021-01-01")).toBe("no_schedule");
  });

  it("is not started before anything is reported or due", () => {
    expect(scheduleStatus(null, plan, "2020-12-01")).toBe("not_started");
    expect(scheduleStatus(0, plan, "2021-01-01")).toBe("not_started");
  });

  it("is behind when progress trails the plan by more than 10 points", () => {
    // planned 65 on 2021-03-02
    expect(scheduleStatus(54.99, plan, "2021-03-02")).toBe("behind");
    expect(scheduleStatus(55, plan, "2021-03-02")).toBe("on_track");
    expect(scheduleStatus(null, plan, "2021-01-16")).toBe("behind");
    expect(scheduleStatus(5, plan, "2020-12-01")).toBe("on_track");
  });
});

describe("round2", () => {
  it("rounds half away from zero despite float noise", async () => {
    const { round2 } = await import("./decimals");
    expect(round2(15.625)).toBe(15.63);
    expect(round2(15.624999999999)).toBe(15.63);
    expect(round2(12.345)).toBe(12.35);
    expect(round2(0.1 + 0.2)).toBe(0.3);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(33.33)).toBe(33.33);
  });
});
