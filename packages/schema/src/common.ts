import { z } from "zod";
import { isValidIsoDate } from "./rules/dates";
import { hasAtMostTwoDecimals } from "./rules/decimals";
import {
  DATE_MAX,
  DATE_MIN,
  FISCAL_YEAR_MAX,
  FISCAL_YEAR_MIN,
  hasVisibleCharacter,
  INT4_MAX,
  isStorableText,
  NUMERIC_14_2_MAX,
} from "./rules/stored-values";

/** `YYYY-MM-DD`, a real calendar date within the fiscal years the API knows (FISCAL_YEAR_MIN–MAX). */
export const isoDate = z
  .string()
  .refine(isValidIsoDate, { params: { reason: "date" } })
  .refine((date) => !isValidIsoDate(date) || (date >= DATE_MIN && date <= DATE_MAX), {
    params: { reason: "dateRange", min: DATE_MIN, max: DATE_MAX },
  })
  .meta({ format: "date", example: "2021-09-20" });

const twoDecimals = (schema: z.ZodNumber) => schema.refine(hasAtMostTwoDecimals, { params: { reason: "decimals" } });

/** ร้อยละ 0–100, at most two decimals. */
export const percent = twoDecimals(z.number().min(0).max(100)).meta({ example: 33.33 });
/** A plan step's weight (น้ำหนัก %), more than 0 and at most 100. */
export const weight = twoDecimals(z.number().gt(0).max(100)).meta({ example: 10 });
/** Baht, two decimals, as numeric(14,2) holds them. */
export const baht = twoDecimals(z.number().min(0).max(NUMERIC_14_2_MAX)).meta({ example: 250000 });
/** A KPI's target, result or quarter value (numeric(14,2)). */
export const measure = twoDecimals(z.number().min(0).max(NUMERIC_14_2_MAX)).meta({ example: 5 });
export const score = percent;

/** ปีงบประมาณ in the Buddhist era. */
export const fiscalYear = z.number().int().min(FISCAL_YEAR_MIN).max(FISCAL_YEAR_MAX).meta({ example: 2564 });
export const fiscalYearParam = z.coerce
  .number()
  .int()
  .min(FISCAL_YEAR_MIN)
  .max(FISCAL_YEAR_MAX)
  .meta({ example: 2564 });
/** A row id in a path (PostgreSQL integer). */
export const rowIdParam = z.coerce.number().int().positive().max(INT4_MAX).meta({ example: 12 });
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

/** Free text is stored exactly as entered, if PostgreSQL can store it (no NUL, no lone surrogate). */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .refine(isStorableText, { params: { reason: "unstorableText" } });
/** Like optionalText, and it must show something: not only spaces or zero-width characters. */
export const requiredText = (max: number) =>
  optionalText(max).refine(hasVisibleCharacter, { params: { reason: "blank" } });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
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
