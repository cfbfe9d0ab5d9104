import { fiscalYearSpan } from "@cpm/schema/rules";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { toDbDate } from "../lib/dates";
import { invalid } from "../lib/problems";

type Client = Prisma.TransactionClient | PrismaClient;

/** A fiscal year row exists before anything refers to it. */
export async function ensureFiscalYear(tx: Client, year: number) {
  const span = fiscalYearSpan(year);
  await tx.fiscalYear.upsert({
    where: { year },
    create: { year, startsOn: toDbDate(span.start), endsOn: toDbDate(span.end) },
    update: {},
  });
}

/** The id of the unit a request names in `field`; an unknown code is a 400 on that field. */
export async function unitIdOf(tx: Client, field: string, code: string): Promise<number> {
  const unit = await tx.orgUnit.findUnique({ where: { code }, select: { id: true } });
  if (!unit) throw invalid(field, "unknownUnit", { th: `ไม่พบหน่วยงาน ${code}`, en: `No unit ${code}` });
  return unit.id;
}

/** As unitIdOf, passing null (cleared) and undefined (not sent) through. */
export async function optionalUnitIdOf(tx: Client, field: string, code: string | null | undefined) {
  return code === undefined || code === null ? code : unitIdOf(tx, field, code);
}
