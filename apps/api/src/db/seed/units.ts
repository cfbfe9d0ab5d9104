import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../../env";
import type { Prisma, PrismaClient, UnitKind } from "../../generated/prisma/client";
import { nameColumns } from "../../lib/text-columns";

export const CITY_CODE = "00000000";
const CITY_NAME = "กรุงเทพมหานคร";

/** Divisions (ฝ่าย) known from legacy pages whose names the pages do not give. */
const KNOWN_DIVISIONS = [{ code: "50451000", parentCode: "50450000" }];

export function readUnitsCsv(): { code: string; name: string; kind: UnitKind }[] {
  const csv = readFileSync(path.join(repoRoot, "prisma/seed/units.csv"), "utf8");
  return csv
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [code, name, kind] = line.split(",");
      return { code: code as string, name: name as string, kind: kind as UnitKind };
    });
}

type Tx = Prisma.TransactionClient | PrismaClient;

/** The city (root), the units of units.csv under it, and the known divisions under their units. */
export async function seedUnits(tx: Tx): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const city = await tx.orgUnit.create({
    data: { code: CITY_CODE, name: CITY_NAME, kind: "city", ...nameColumns(CITY_NAME) },
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
