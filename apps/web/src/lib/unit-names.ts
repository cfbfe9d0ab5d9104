import type { UnitSummary } from "@cpm/schema";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useI18n } from "./i18n";
import { unitsQuery } from "./reference-data";

/**
 * A unit's name in the language shown: in English its English name where the data has one
 * ("Bang Khen District Office"), else the Thai name as the API gave it. Answers that carry only a
 * code and the Thai name (dashboards, lists) look the English name up in the units list, which is
 * fetched only while the page is in English.
 */
export function useUnitName(): (code: string, thaiName: string) => string {
  const { locale } = useI18n();
  const units = useQuery({ ...unitsQuery, enabled: locale === "en" }).data?.items;
  const english = useMemo(
    () => new Map((units ?? []).flatMap((u) => (u.nameEn ? [[u.code, u.nameEn] as const] : []))),
    [units],
  );
  return useCallback(
    (code: string, thaiName: string) => (locale === "en" ? (english.get(code) ?? thaiName) : thaiName),
    [locale, english],
  );
}

/** The same for a unit the answer gives whole, with its English name. */
export function useUnitLabel(): (unit: Pick<UnitSummary, "name" | "nameEn">) => string {
  const { locale } = useI18n();
  return useCallback((unit) => (locale === "en" && unit.nameEn ? unit.nameEn : unit.name), [locale]);
}
