import type { UnitSummary } from "@cpm/schema";
import { endpoints } from "@cpm/schema/contract";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { call } from "./api-client";

/** Data every feature picks from: the units (in Thai order) and the fiscal years. */
export const unitsQuery = queryOptions({
  queryKey: ["units"],
  queryFn: () => call(endpoints.units, {}),
  staleTime: Number.POSITIVE_INFINITY,
});

export const fiscalYearsQuery = queryOptions({
  queryKey: ["fiscal-years"],
  queryFn: () => call(endpoints.fiscalYears, {}),
  staleTime: Number.POSITIVE_INFINITY,
});

export const useUnits = () => useQuery(unitsQuery);
export const useFiscalYears = () => useQuery(fiscalYearsQuery);

/** A unit's code and the codes of every unit above it, following the units' own parent links. */
export function unitAndAncestors(code: string, units: readonly UnitSummary[]): string[] {
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const chain: string[] = [];
  for (let unit = byCode.get(code); unit && !chain.includes(unit.code); unit = byCode.get(unit.parentCode ?? "")) {
    chain.push(unit.code);
  }
  return chain;
}
