import type { ProjectDetail, ReportingRatesAnswer } from "@cpm/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { clientFor, signIn, useTestApp } from "../helper";

/**
 * A hand-computed fixture (today 2026-11-25, FY 2570; November's reports due 2026-12-05, October's
 * 2026-11-05, in Asia/Bangkok):
 *
 * 50450000  A  Nov report written 2026-11-10                      → reported, on time
 *           B  Nov report written 2026-12-05 23:30 (+07)          → reported, on time
 *           C  Nov report written 2026-12-06 00:30 (+07; still the 5th in UTC) → reported, late
 *           D  Oct report written 2026-10-16, none in Nov         → Oct on time; Nov not reported
 *           E  Oct report of 100 written 2026-10-30               → Oct on time; done, not expected in Nov
 *           H  deleted                                            → never expected
 * 14000000  F  Nov report written 2026-11-03                      → reported, on time
 *           G  Nov report withdrawn                               → not reported
 *
 * November: 50450000 4 expected, 3 reported, 2 on time (75 %, 50 %); 14000000 2, 1, 1 (50 %, 50 %);
 * city 6, 4, 3 (66.67 %, 50 %). October: 50450000 5, 2, 2; 14000000 2, 0, 0; city 7, 2, 2 (28.57 %).
 */
describe("completeness and timeliness of the monthly reports", () => {
  const ctx = useTestApp();
  let admin: Record<string, string> = {};
  const inject = (...args: Parameters<ReturnType<typeof clientFor>>) => clientFor(ctx.app, () => admin)(...args);

  const project = async (unitCode: string, name: string) => {
    const res = await inject("POST", "/api/v1/projects", { unitCode, fiscalYear: 2570, name });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ProjectDetail>().code;
  };
  const report = async (code: string, reportDate: string, percent: number, writtenAt: string) => {
    const res = await inject("POST", `/api/v1/projects/${code}/reports`, { reportDate, percent });
    expect(res.statusCode, res.body).toBe(201);
    const id: number = res.json().id;
    await ctx.db.prisma.progressReport.update({ where: { id }, data: { createdAt: new Date(writtenAt) } });
    return id;
  };

  beforeAll(async () => {
    admin = await signIn(ctx.app, "admin");
    const codes = {
      a: await project("50450000", "โครงการ ก"),
      b: await project("50450000", "โครงการ ข"),
      c: await project("50450000", "โครงการ ค"),
      d: await project("50450000", "โครงการ ง"),
      e: await project("50450000", "โครงการ จ"),
      h: await project("50450000", "โครงการ ซ (ลบแล้ว)"),
      f: await project("14000000", "โครงการ ฉ"),
      g: await project("14000000", "โครงการ ช"),
    };
    await report(codes.a, "2026-11-10", 20, "2026-11-10T03:00:00Z");
    await report(codes.b, "2026-11-20", 30, "2026-12-05T16:30:00Z");
    await report(codes.c, "2026-11-21", 30, "2026-12-05T17:30:00Z");
    await report(codes.d, "2026-10-15", 10, "2026-10-16T03:00:00Z");
    await report(codes.e, "2026-10-30", 100, "2026-10-30T03:00:00Z");
    await report(codes.f, "2026-11-03", 15, "2026-11-03T03:00:00Z");
    const withdrawn = await report(codes.g, "2026-11-04", 5, "2026-11-04T03:00:00Z");
    expect((await inject("DELETE", `/api/v1/projects/${codes.g}/reports/${withdrawn}`)).statusCode).toBe(204);
    expect((await inject("DELETE", `/api/v1/projects/${codes.h}`)).statusCode).toBe(204);
  });

  const rates = async (query: string) => {
    const res = await ctx.app.inject({ method: "GET", url: `/api/v1/dashboard/reporting-rates?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ReportingRatesAnswer>();
  };
  const pick = ({ expected, reported, onTime, completeness, timeliness }: ReportingRatesAnswer["totals"]) => ({
    expected,
    reported,
    onTime,
    completeness,
    timeliness,
  });

  it("equals the fixture per unit and city-wide for November", async () => {
    const city = await rates("month=2026-11");
    expect(city).toMatchObject({ fiscalYear: 2570, month: "2026-11", deadline: "2026-12-05" });
    expect(pick(city.totals)).toEqual({ expected: 6, reported: 4, onTime: 3, completeness: 66.67, timeliness: 50 });
    const row = (code: string) => city.units.find((u) => u.unitCode === code);
    expect(row("50450000")).toMatchObject({ expected: 4, reported: 3, onTime: 2, completeness: 75, timeliness: 50 });
    expect(row("14000000")).toMatchObject({ expected: 2, reported: 1, onTime: 1, completeness: 50, timeliness: 50 });
    // a unit without projects this year expects nothing
    expect(city.units.find((u) => u.expected === 0)).toMatchObject({ completeness: null, timeliness: null });
  });

  it("gives the fiscal year's trend month by month, and defaults to this month", async () => {
    const city = await rates("");
    expect(city.month).toBe("2026-11");
    expect(city.trend.map((t) => [t.month, t.expected, t.reported, t.onTime, t.completeness, t.timeliness])).toEqual([
      ["2026-10", 7, 2, 2, 28.57, 28.57],
      ["2026-11", 6, 4, 3, 66.67, 50],
    ]);
  });

  it("answers for a unit's subtree", async () => {
    const unit = await rates("month=2026-10&unit=50450000");
    expect(unit.unit.code).toBe("50450000");
    expect(pick(unit.totals)).toEqual({ expected: 5, reported: 2, onTime: 2, completeness: 40, timeliness: 40 });
  });

  it("refuses a malformed month, naming the field", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/dashboard/reporting-rates?month=2026-13" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: "query.month", code: "month" });
    expect(res.json().errors[0].message.en).toBe("A month is YYYY-MM, e.g. 2026-11");
  });
});
