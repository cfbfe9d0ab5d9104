import type { IsoDate } from "./dates";
import { fiscalYearSpan } from "./fiscal-calendar";

/**
 * What the database can hold, stated once: a value the schemas accept must fit its column, so
 * that a request is refused with a 400 naming the field instead of failing in the database.
 */

/** PostgreSQL `integer` (row ids): 2³¹ − 1. */
export const INT4_MAX = 2_147_483_647;

/** `numeric(14,2)` (baht, KPI targets and results): twelve digits before the point. */
export const NUMERIC_14_2_MAX = 999_999_999_999.99;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL can store: no NUL character, and well-formed UTF-16 (no lone surrogate,
 * which has no UTF-8 encoding).
 */
export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && !LONE_SURROGATE.test(text);
}

// spaces, zero-width and other default-ignorable characters, controls and format characters
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]*$/u;

/** Whether a name shows anything: not empty, not only spaces or zero-width characters. */
export function hasVisibleCharacter(text: string): boolean {
  return !INVISIBLE_ONLY.test(text);
}

/**
 * ปีงบประมาณ a request may name at all (Buddhist era). Every date the API accepts falls within
 * these years, so that year 0000 or 9999 never reaches the database.
 */
export const FISCAL_YEAR_MIN = 2500;
export const FISCAL_YEAR_MAX = 2700;
export const DATE_MIN: IsoDate = fiscalYearSpan(FISCAL_YEAR_MIN).start;
export const DATE_MAX: IsoDate = fiscalYearSpan(FISCAL_YEAR_MAX).end;

/**
 * The fiscal years a new project or KPI may belong to, as of the current one: up to 30 years back
 * (projects imported from the legacy site) and 2 ahead (budgets planned ahead of their year).
 */
export const FISCAL_YEARS_BACK = 30;
export const FISCAL_YEARS_AHEAD = 2;

export function acceptedFiscalYears(currentFiscalYear: number): { min: number; max: number } {
  return { min: currentFiscalYear - FISCAL_YEARS_BACK, max: currentFiscalYear + FISCAL_YEARS_AHEAD };
}

/**
 * The days a project of a fiscal year may report on: from the year's first day to a year after
 * its last (งบประมาณกันเหลื่อมปี: work paid from a year's budget may run into the next year).
 */
export function reportingWindow(fiscalYear: number): { start: IsoDate; end: IsoDate } {
  return { start: fiscalYearSpan(fiscalYear).start, end: fiscalYearSpan(fiscalYear + 1).end };
}
