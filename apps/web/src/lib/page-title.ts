import { useEffect } from "react";
import { useI18n } from "./i18n";

/** The browser tab's title in the language shown: "what · the app's name", or the app's name alone. */
export function usePageTitle(...parts: (string | null | undefined)[]) {
  const { t } = useI18n();
  const title = [...parts.filter(Boolean), t("appName")].join(" · ");
  useEffect(() => {
    document.title = title;
  }, [title]);
}
