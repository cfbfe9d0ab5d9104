import { describe, expect, it } from "vitest";
import { compareThai, normalizeThai, searchText, thaiSortKey } from "./thai-text";

describe("Thai text", () => {
  it("makes the two spellings of สำนัก compare equal", () => {
    const withSaraAm = "สำนักการคลัง";
    const withNikhahit = "ส\u0E4D\u0E32นักการคลัง";
    expect(withNikhahit).not.toBe(withSaraAm);
    expect(normalizeThai(withNikhahit)).toBe(withSaraAm);
    expect(searchText(`  ${withNikhahit}  `)).toBe(withSaraAm);
  });

  it("sorts leading vowels under the consonant that follows them", () => {
    const words = ["ไก่", "เขต", "กา", "ขนม", "แก้ว", "โขง", "คลอง"];
    expect([...words].sort(compareThai)).toEqual(["กา", "แก้ว", "ไก่", "ขนม", "เขต", "โขง", "คลอง"]);
  });

  it("lets tone marks break ties only", () => {
    expect(compareThai("ขา", "ข่า")).toBeLessThan(0);
    expect(compareThai("ข่า", "ขาก")).toBeLessThan(0);
    expect(thaiSortKey("เขต")).toBe("ขเต");
  });

  it("sorts district names in dictionary order", () => {
    const names = ["สำนักงานเขตบางรัก", "สำนักงานเขตดุสิต", "สำนักงานเขตพระนคร", "สำนักงานเขตคลองเตย"];
    expect([...names].sort(compareThai)).toEqual([
      "สำนักงานเขตคลองเตย",
      "สำนักงานเขตดุสิต",
      "สำนักงานเขตบางรัก",
      "สำนักงานเขตพระนคร",
    ]);
  });
});
