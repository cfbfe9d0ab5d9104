import { z } from "zod";
import { unitCode } from "./common";

/** หน่วยงาน: the city, its departments (สำนัก) and district offices (สำนักงานเขต), and their divisions (ฝ่าย). */
export const UNIT_KINDS = ["city", "department", "district", "division"] as const;
export const unitKind = z.enum(UNIT_KINDS);

export const unitSummary = z
  .object({
    code: unitCode,
    name: z.string(),
    /** "Bang Khen District Office": shown in English where the data has it, else the Thai name. */
    nameEn: z.string().nullable().meta({ description: "The unit's English name, or null where it has none" }),
    kind: unitKind,
    parentCode: unitCode.nullable(),
  })
  .meta({ id: "UnitSummary" });

export const unitDetail = unitSummary
  .extend({
    parent: unitSummary.nullable(),
    children: z.array(unitSummary),
  })
  .meta({ id: "UnitDetail" });

export const unitListQuery = z.strictObject({
  kind: unitKind.optional(),
  parent: unitCode.optional(),
});

export type UnitSummary = z.infer<typeof unitSummary>;
export type UnitDetail = z.infer<typeof unitDetail>;
