import type { ProjectDetail, UnitDetail, UnitSummary } from "@cpm/schema";
import { describe, expect, it } from "vitest";
import { readUnitsCsv } from "../../src/db/seed/units";
import { useTestApp } from "../helper";

/** Issue 8, item 14: units have an optional English name, which the web app shows in English. */
describe("units' English names", () => {
  const ctx = useTestApp();

  it("lists every unit with its English name where the seed data gives one, and null where it does not", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/units" });
    expect(res.statusCode).toBe(200);
    const byCode = new Map((res.json().items as UnitSummary[]).map((u) => [u.code, u]));
    expect(byCode.get("00000000")).toMatchObject({
      name: "กรุงเทพมหานคร",
      nameEn: "Bangkok Metropolitan Administration",
    });
    expect(byCode.get("50120000")).toMatchObject({ name: "สำนักงานเขตบางเขน", nameEn: "Bang Khen District Office" });
    // a quoted CSV field with a comma comes back whole
    expect(byCode.get("23000000")?.nameEn).toBe("Culture, Sports and Tourism Department");
    // a division whose name the legacy pages do not give has no English name either
    expect(byCode.get("50451000")?.nameEn).toBeNull();
    for (const unit of readUnitsCsv()) {
      expect(unit.nameEn).toMatch(/(District Office|Department)$/);
      expect(byCode.get(unit.code)).toMatchObject({ name: unit.name, nameEn: unit.nameEn });
    }
  });

  it("gives the English names in a unit's detail, its parent and children, and in a project's units", async () => {
    const unit = (await ctx.app.inject({ method: "GET", url: "/api/v1/units/50450000" })).json() as UnitDetail;
    expect(unit.nameEn).toBe("Wang Thonglang District Office");
    expect(unit.parent?.nameEn).toBe("Bangkok Metropolitan Administration");
    expect(unit.children.map((c) => [c.code, c.nameEn])).toEqual([["50451000", null]]);
    const project = (
      await ctx.app.inject({ method: "GET", url: "/api/v1/projects/50450000-3247" })
    ).json() as ProjectDetail;
    expect(project.unit).toMatchObject({ code: "50450000", nameEn: "Wang Thonglang District Office" });
  });

  it("keeps the English name as stored, byte for byte, and null when cleared", async () => {
    const name = "Wang Thonglang District Office — Civil Registration (ทะเบียน)";
    await ctx.db.prisma.orgUnit.update({ where: { code: "50451000" }, data: { nameEn: name } });
    const child = (await ctx.app.inject({ method: "GET", url: "/api/v1/units/50451000" })).json() as UnitDetail;
    expect(child.nameEn).toBe(name);
    await ctx.db.prisma.orgUnit.update({ where: { code: "50451000" }, data: { nameEn: null } });
    expect(
      ((await ctx.app.inject({ method: "GET", url: "/api/v1/units/50451000" })).json() as UnitDetail).nameEn,
    ).toBeNull();
  });
});
