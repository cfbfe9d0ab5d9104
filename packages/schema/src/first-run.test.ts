import { describe, expect, it } from "vitest";
import { type ExistingUnit, planUnitImport, unitCsvHeaderProblems } from "./first-run";

const CITY: ExistingUnit = { code: "00000000", name: "กรุงเทพมหานคร", parentCode: null, kind: "city" };
const rec = (code: string, name: string, parent: string, kind: string) => ({ code, name, parent, kind });

describe("a units file for the first run", () => {
  it("plans a whole tree from an empty database, parents before children, Thai names as written", () => {
    const { plan, errors } = planUnitImport(
      [
        rec("50451000", "ฝ่ายปกครอง", "50450000", "division"),
        rec("50450000", "สำนักงานเขตวังทองหลาง", "00000000", "district"),
        rec("00000000", "กรุงเทพมหานคร", "", "city"),
      ],
      [],
    );
    expect(errors).toEqual([]);
    expect(plan.create.map((u) => u.code)).toEqual(["00000000", "50450000", "50451000"]);
    expect(plan.create[2]).toMatchObject({ line: 2, name: "ฝ่ายปกครอง", parentCode: "50450000", kind: "division" });
  });

  it("names the line and the column of every bad field", () => {
    const { errors } = planUnitImport(
      [rec("5045", "เขต", "00000000", "district"), rec("50450000", "  ", "00000000", "ward")],
      [CITY],
    );
    expect(errors.map((e) => e.path)).toEqual(["rows[2].code", "rows[3].name", "rows[3].kind"]);
    expect(errors[0]?.message.th).toContain("แถวที่ 2");
    expect(errors[0]?.message.en).toContain("Line 2");
  });

  it("refuses a duplicate code, an unknown or division parent, a second city, a unit without parent", () => {
    const { errors } = planUnitImport(
      [
        rec("10000000", "สำนักหนึ่ง", "00000000", "department"),
        rec("10000000", "สำนักหนึ่งซ้ำ", "00000000", "department"),
        rec("10001000", "ฝ่าย", "10000000", "division"),
        rec("10001100", "งานย่อย", "10001000", "division"),
        rec("20000000", "สำนักสอง", "99999999", "department"),
        rec("30000000", "เมืองที่สอง", "", "city"),
        rec("40000000", "ไม่มีต้นสังกัด", "", "department"),
      ],
      [CITY],
    );
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["rows[3].code", "duplicate"],
      ["rows[5].parent", "divisionParent"],
      ["rows[6].parent", "unknownParent"],
      ["rows[7].kind", "oneCity"],
      ["rows[8].parent", "required"],
    ]);
  });

  it("refuses parents that come back to the unit (a cycle within the file)", () => {
    const { errors } = planUnitImport(
      [rec("10000000", "ก", "20000000", "department"), rec("20000000", "ข", "10000000", "department")],
      [CITY],
    );
    expect(errors.map((e) => e.code)).toEqual(["cycle", "cycle"]);
  });

  it("leaves a unit already there alike, and refuses one that would change it", () => {
    const existing = [
      CITY,
      { code: "50450000", name: "สำนักงานเขตวังทองหลาง", parentCode: "00000000", kind: "district" },
    ];
    const same = planUnitImport([rec("50450000", "สำนักงานเขตวังทองหลาง", "00000000", "district")], existing);
    expect(same.errors).toEqual([]);
    expect(same.plan).toEqual({ create: [], unchanged: ["50450000"] });
    const renamed = planUnitImport([rec("50450000", "เขตใหม่", "00000000", "district")], existing);
    expect(renamed.errors.map((e) => [e.path, e.code])).toEqual([["rows[2].code", "exists"]]);
  });

  it("asks for the columns by name (name_th counts as name)", () => {
    expect(unitCsvHeaderProblems(["code", "name", "parent", "kind"])).toEqual([]);
    expect(unitCsvHeaderProblems(["code", "name_th", "parent", "kind", "name_en"])).toEqual([]);
    expect(unitCsvHeaderProblems(["code", "name"]).map((e) => e.path)).toEqual(["columns.parent", "columns.kind"]);
  });
});
