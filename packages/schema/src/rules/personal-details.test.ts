import { describe, expect, it } from "vitest";
import { containsPhoneNumber, splitOfficerAndPhone } from "./personal-details";

describe("phone numbers beside an officer's name", () => {
  it("finds every way the legacy site writes them", () => {
    for (const text of [
      "นางอรวรรณ ขุมบางลี่ โทร. 02-514-1234 ต่อ 5501",
      "นาย ก 02.123.4567",
      "นาย ก (02) 123 4567",
      "นาย ก 02\u2010123\u20104567",
      "นาย ก ต่อ 5501",
      "นาย ก tel: 081 234 5678",
      "นาย ก โทร ๐๒ ๑๒๓ ๔๕๖๗",
    ]) {
      expect(containsPhoneNumber(text), text).toBe(true);
    }
    for (const text of ["นางอรวรรณ ขุมบางลี่", "ผู้อำนวยการเขต", "Ms. Orawan K.", ""]) {
      expect(containsPhoneNumber(text), text).toBe(false);
    }
  });

  it("splits the name from the phone part that follows it", () => {
    expect(splitOfficerAndPhone("นางอรวรรณ ขุมบางลี่ โทร. 02-514-1234 ต่อ 5501")).toEqual({
      name: "นางอรวรรณ ขุมบางลี่",
      phone: "โทร. 02-514-1234 ต่อ 5501",
    });
    expect(splitOfficerAndPhone("นาย ก (02) 123 4567")).toEqual({ name: "นาย ก", phone: "(02) 123 4567" });
    expect(splitOfficerAndPhone("นางอรวรรณ ขุมบางลี่")).toEqual({ name: "นางอรวรรณ ขุมบางลี่", phone: "" });
  });
});
