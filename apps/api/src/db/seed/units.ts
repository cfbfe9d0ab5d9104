import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Prisma, PrismaClient, UnitKind } from "../../generated/prisma/client";
import { nameColumns } from "../../lib/text-columns";
import { layout } from "../../runtime/layout";

export const CITY_CODE = "00000000";
const CITY_NAME = "กรุงเทพมหานคร";
const CITY_NAME_EN = "Bangkok Metropolitan Administration";

/** Divisions (ฝ่าย) known from legacy pages whose names the pages do not give. */
const KNOWN_DIVISIONS = [{ code: "50451000", parentCode: "50450000" }];

/** code, name_th, kind and the optional name_en ("Bang Khen District Office"); quoted fields as CSV quotes them. */
export function readUnitsCsv(): { code: string; name: string; kind: UnitKind; nameEn: string | null }[] {
  const csv = readFileSync(path.join(layout.seedDir, "units.csv"), "utf8");
  const rows: Record<string, string>[] = parse(csv, { columns: true, skip_empty_lines: true, trim: true });
  return rows.map((row) => ({
    code: row.code as string,
    name: row.name_th as string,
    kind: row.kind as UnitKind,
    nameEn: row.name_en || null,
  }));
}

type Tx = Prisma.TransactionClient | PrismaClient;

/** The city (root), the units of units.csv under it, and the known divisions under their units. */
export async function seedUnits(tx: Tx): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const city = await tx.orgUnit.create({
    data: { code: CITY_CODE, name: CITY_NAME, nameEn: CITY_NAME_EN, kind: "city", ...nameColumns(CITY_NAME) },
  });
  ids.set(CITY_CODE, city.id);
  for (const unit of readUnitsCsv()) {
    const row = await tx.orgUnit.create({ data: { ...unit, parentId: city.id, ...nameColumns(unit.name) } });
    ids.set(unit.code, row.id);
  }
  for (const division of KNOWN_DIVISIONS) {
    const name = `หน่วยงานย่อย ${division.code}`;
    const row = await tx.orgUnit.create({
      data: {
        code: division.code,
        name,
        kind: "division",
        parentId: ids.get(division.parentCode),
        ...nameColumns(name),
      },
    });
    ids.set(division.code, row.id);
  }
  return ids;
}
