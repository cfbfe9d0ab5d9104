import { z } from "zod";
import { isValidIsoDate } from "./rules/dates";
import { hasAtMostTwoDecimals } from "./rules/decimals";

/** `YYYY-MM-DD`, a real calendar date. */
export const isoDate = z
  .string()
  .refine(isValidIsoDate, { params: { reason: "date" } })
  .meta({ format: "date", example: "2021-09-20" });

const twoDecimals = (schema: z.ZodNumber) => schema.refine(hasAtMostTwoDecimals, { params: { reason: "decimals" } });

/** ร้อยละ 0–100, at most two decimals. */
export const percent = twoDecimals(z.number().min(0).max(100)).meta({ example: 33.33 });
/** A plan step's weight (น้ำหนัก %), more than 0 and at most 100. */
export const weight = twoDecimals(z.number().gt(0).max(100)).meta({ example: 10 });
/** Baht, two decimals. */
export const baht = twoDecimals(z.number().min(0).max(1e12)).meta({ example: 250000 });
export const score = percent;

/** ปีงบประมาณ in the Buddhist era. */
export const fiscalYear = z.number().int().min(2500).max(2700).meta({ example: 2564 });
export const fiscalYearParam = z.coerce.number().int().min(2500).max(2700).meta({ example: 2564 });
export const quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const quarterParam = z.coerce.number().int().min(1).max(4);

export const unitCode = z
  .string()
  .regex(/^\d{8}$/, { error: "unitCode" })
  .meta({ example: "50450000" });
export const projectCode = z
  .string()
  .regex(/^\d{8}-\d{1,6}$/, { error: "projectCode" })
  .meta({ example: "50450000-3247" });

/** Free text is stored exactly as entered; only the ends may not be blank. */
export const requiredText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, { params: { reason: "blank" } });
export const optionalText = (max: number) => z.string().max(max);

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    /** true when more than `total` match (a text search counts up to a cap) */
    moreThanTotal: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const booleanParam = z.enum(["true", "false"]).transform((v) => v === "true");
