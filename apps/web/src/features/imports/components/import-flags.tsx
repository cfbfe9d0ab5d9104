import { endpoints } from "@cpm/schema/contract";
import { useQuery } from "@tanstack/react-query";
import { call } from "../../../lib/api-client";
import { useI18n, useLocalized } from "../../../lib/i18n";

const TITLE = {
  th: "ข้อสังเกตจากการนำเข้าหน้าโครงการของระบบเดิม",
  en: "Flagged when the legacy site's page was imported",
};
const NOTE = {
  th: "นำเข้าตามที่ปรากฏบนหน้าเดิมโดยไม่แก้ไข",
  en: "Imported as the page had it, not corrected",
};

/**
 * What the import of the project's legacy page flagged (weights not adding up to 100, a plan all on
 * one day, a dropping percent, a report after the fiscal year): shown on the project page, with the
 * reason. Nothing when the project was not imported or nothing was flagged.
 */
export function ImportFlags({ code, version }: { code: string; version: number }) {
  const { locale } = useI18n();
  const localized = useLocalized();
  const flags = useQuery({
    queryKey: ["project", code, "import-flags", version],
    queryFn: () => call(endpoints.projectImportFlags, { params: { code } }),
  });
  const items = flags.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="conflict" aria-labelledby="import-flags-title" data-testid="import-flags">
      <h2 id="import-flags-title">{TITLE[locale]}</h2>
      <ul>
        {items.map((flag) => (
          <li key={`${flag.code}-${flag.path}`} data-flag={flag.code}>
            {localized(flag.message)}
          </li>
        ))}
      </ul>
      <p className="muted">{NOTE[locale]}</p>
    </section>
  );
}
