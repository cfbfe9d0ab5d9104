import type { IsoDate } from "@cpm/schema/rules";

/** Prisma maps `@db.Date` to a Date at UTC midnight. */
export const toDbDate = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);
export const fromDbDate = (date: Date): IsoDate => date.toISOString().slice(0, 10);
export const fromDbDateOrNull = (date: Date | null): IsoDate | null => (date ? fromDbDate(date) : null);
export const toDbDateOrNull = (date: IsoDate | null | undefined): Date | null => (date ? toDbDate(date) : null);
