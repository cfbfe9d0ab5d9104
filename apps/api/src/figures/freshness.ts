import type { IsoDate } from "@cpm/schema/rules";
import type { PrismaClient } from "../generated/prisma/client";
import { frozenMonthEnds, keptAsOf } from "./calendar";

/** How long a process trusts what it last read of the figures' calendar (another process may turn it). */
const TRUST_MS = 5_000;

interface Seen {
  asOf: IsoDate | null;
  frozen: Set<IsoDate>;
  at: number;
}

const seenBy = new WeakMap<PrismaClient, Seen>();

async function calendarOf(prisma: PrismaClient): Promise<Seen> {
  const seen = seenBy.get(prisma);
  if (seen && Date.now() - seen.at < TRUST_MS) return seen;
  const fresh = { asOf: await keptAsOf(prisma), frozen: await frozenMonthEnds(prisma), at: Date.now() };
  seenBy.set(prisma, fresh);
  return fresh;
}

/** Forget what was read of the calendar (after this process turned it). */
export function forgetCalendar(prisma: PrismaClient): void {
  seenBy.delete(prisma);
}

/**
 * Where figures as of `asOf` can be read without computing them: the kept current figures when
 * they are as of that very day, the frozen month-end sums when `asOf` is a frozen month's end,
 * otherwise nowhere (the caller computes them live: a date in between, or a calendar not yet turned).
 */
export async function keptSourceFor(
  prisma: PrismaClient,
  asOf: IsoDate,
  today: IsoDate,
): Promise<"current" | "month" | "live"> {
  const calendar = await calendarOf(prisma);
  if (asOf === today && calendar.asOf === today) return "current";
  if (asOf < today && calendar.frozen.has(asOf)) return "month";
  return "live";
}
