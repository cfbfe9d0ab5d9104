import { Download } from "lucide-react";
import { useI18n } from "../../../lib/i18n";

const LABEL = { th: "ดาวน์โหลด", en: "Download" };

/**
 * Links to an export of what the page shows (its filters as the query), as CSV and XLSX; the server
 * streams the file, so a whole city year downloads without being built in the browser.
 */
export function DownloadLinks({
  path,
  query,
  testId,
}: {
  path: "/api/v1/exports/projects" | "/api/v1/exports/dashboard";
  query: Record<string, string | number | undefined>;
  testId: string;
}) {
  const { locale } = useI18n();
  const href = (format: "csv" | "xlsx") => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== "") params.set(key, String(value));
    }
    params.set("format", format);
    params.set("lang", locale);
    return `${path}?${params}`;
  };
  return (
    <span className="downloads" data-testid={testId}>
      <Download size={16} aria-hidden /> {LABEL[locale]}:{" "}
      <a href={href("csv")} download>
        CSV
      </a>{" "}
      ·{" "}
      <a href={href("xlsx")} download>
        XLSX
      </a>
    </span>
  );
}
