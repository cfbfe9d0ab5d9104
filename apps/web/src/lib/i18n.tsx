import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { MESSAGES, type MessageKey } from "./messages";

export type Locale = "th" | "en";
const STORAGE_KEY = "cpm.locale";

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey): string;
  /** 20 ก.ย. 2564 in Thai (Buddhist era), 20 Sep 2021 in English. */
  date(iso: string | null | undefined): string;
  number(value: number | null | undefined, digits?: number): string;
  baht(value: number | null | undefined): string;
  /** 62.17 ล้านบาท: how dashboards show budgets. */
  millionBaht(value: number | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "th";
  } catch {
    return "th";
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const value = useMemo<I18n>(() => {
    const dateFormat = new Intl.DateTimeFormat(locale === "th" ? "th-TH-u-ca-buddhist" : "en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    const numberLocale = locale === "th" ? "th-TH" : "en-US";
    return {
      locale,
      setLocale(next) {
        localStorage.setItem(STORAGE_KEY, next);
        setLocaleState(next);
      },
      t: (key) => MESSAGES[key][locale],
      date: (iso) => (iso ? dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : "–"),
      number: (value, digits = 2) =>
        value === null || value === undefined
          ? "–"
          : value.toLocaleString(numberLocale, { maximumFractionDigits: digits }),
      baht: (value) =>
        value === null || value === undefined
          ? "–"
          : `${value.toLocaleString(numberLocale, { maximumFractionDigits: 2 })} ${locale === "th" ? "บาท" : "THB"}`,
      millionBaht: (value) =>
        value === null || value === undefined
          ? "–"
          : locale === "th"
            ? `${(value / 1e6).toLocaleString(numberLocale, { maximumFractionDigits: 2 })} ล้านบาท`
            : `THB ${(value / 1e6).toLocaleString(numberLocale, { maximumFractionDigits: 2 })} m`,
    };
  }, [locale]);
  // screen readers and the browser's hyphenation read the page in the language it is shown in
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n outside I18nProvider");
  return context;
}

/** A localized message from the API (field errors, problems) in the current language. */
export const useLocalized = () => {
  const { locale } = useI18n();
  return (message: { th: string; en: string } | undefined) => (message ? message[locale] : "");
};
