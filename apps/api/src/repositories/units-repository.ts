import type { UnitDetail, UnitSummary } from "@cpm/schema";
import type { OrgUnit, PrismaClient } from "../generated/prisma/client";
import { notFound } from "../lib/problems";

type UnitWithParent = OrgUnit & { parent: OrgUnit | null };

export const toUnitSummary = (
  unit: UnitWithParent | (OrgUnit & { parent?: { code: string } | null }),
): UnitSummary => ({
  code: unit.code,
  name: unit.name,
  nameEn: unit.nameEn,
  kind: unit.kind,
  parentCode: unit.parent?.code ?? null,
});

export function unitsRepository(prisma: PrismaClient) {
  return {
    async list(filter: { kind?: OrgUnit["kind"]; parent?: string }): Promise<UnitSummary[]> {
      const units = await prisma.orgUnit.findMany({
        where: { kind: filter.kind, parent: filter.parent ? { code: filter.parent } : undefined },
        include: { parent: true },
        orderBy: { nameSortKey: "asc" },
      });
      return units.map(toUnitSummary);
    },

    async get(code: string): Promise<UnitDetail> {
      const unit = await prisma.orgUnit.findUnique({
        where: { code },
        include: { parent: { include: { parent: true } }, children: { orderBy: { nameSortKey: "asc" } } },
      });
      if (!unit) throw notFound("unit", code, "หน่วยงาน");
      return {
        ...toUnitSummary(unit),
        parent: unit.parent ? toUnitSummary(unit.parent) : null,
        children: unit.children.map((child) => ({ ...toUnitSummary(child), parentCode: unit.code })),
      };
    },

    async idOf(code: string): Promise<number> {
      const unit = await prisma.orgUnit.findUnique({ where: { code }, select: { id: true } });
      if (!unit) throw notFound("unit", code, "หน่วยงาน");
      return unit.id;
    },
  };
}

export type UnitsRepository = ReturnType<typeof unitsRepository>;
