import { readFileSync } from "node:fs";
import path from "node:path";
import { splitOfficerAndPhone } from "@cpm/schema/rules";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../helper";

const MIGRATION = path.resolve(
  import.meta.dirname,
  "../../../../prisma/migrations/20261202000100_officer_phone/migration.sql",
);

/** Issue 9, item 7: phones typed beside an officer's name move to their own column, as the shared rule splits them. */
describe("the officer-phone migration", () => {
  const ctx = useTestApp();

  it("moves every phone out of the officer's name, exactly as splitOfficerAndPhone does", async () => {
    const texts = [
      "นางอรวรรณ ขุมบางลี่ โทร. 02-514-1234 ต่อ 5501",
      "นาย ก 02.123.4567",
      "นาย ข (02) 123 4567",
      "นาง ค 02\u2010123\u20104567",
      "นางสาว ง ต่อ 5501",
      "ผู้อำนวยการเขต",
    ];
    const p = ctx.db.prisma;
    const unit = await p.orgUnit.findUniqueOrThrow({ where: { code: "50450000" } });
    const codes = texts.map((_, i) => `50450000-${900 + i}`);
    for (const [i, text] of texts.entries()) {
      await p.project.create({
        data: {
          code: codes[i] as string,
          serial: 900 + i,
          unitId: unit.id,
          fiscalYear: 2564,
          name: "ทดสอบ",
          nameSearch: "ทดสอบ",
          nameSortKey: "ทดสอบ",
          responsibleOfficer: text,
        },
      });
    }
    const update = readFileSync(MIGRATION, "utf8").slice(readFileSync(MIGRATION, "utf8").indexOf("UPDATE"));
    await p.$executeRawUnsafe(update);
    const rows = await p.project.findMany({
      where: { code: { in: codes } },
      select: { code: true, responsibleOfficer: true, responsibleOfficerPhone: true },
      orderBy: { serial: "asc" },
    });
    expect(rows.map((r) => ({ name: r.responsibleOfficer, phone: r.responsibleOfficerPhone }))).toEqual(
      texts.map(splitOfficerAndPhone),
    );
    expect(rows.map((r) => r.responsibleOfficerPhone)).toEqual([
      "โทร. 02-514-1234 ต่อ 5501",
      "02.123.4567",
      "(02) 123 4567",
      "02\u2010123\u20104567",
      "ต่อ 5501",
      "",
    ]);
  });
});
