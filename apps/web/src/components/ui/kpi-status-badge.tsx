import type { KpiStatus } from "@cpm/schema/rules";
import type { Locale } from "../../lib/i18n";

/** บรรลุ · ตามเป้า · เสี่ยง · ไม่บรรลุ: the shared rule's KPI statuses in words. */
export const KPI_STATUS_TEXT: Record<KpiStatus | "unjudged", Record<Locale, string>> = {
  achieved: { th: "บรรลุเป้าหมาย", en: "Achieved" },
  on_track: { th: "เป็นไปตามเป้า", en: "On track" },
  at_risk: { th: "เสี่ยง", en: "At risk" },
  missed: { th: "ไม่บรรลุ", en: "Missed" },
  unjudged: { th: "ยังไม่มีผล", en: "No result yet" },
};

/** Each status wears the colour of the schedule status that means the same to a reader. */
const BADGE_CLASS: Record<KpiStatus | "unjudged", string> = {
  achieved: "badge-done",
  on_track: "badge-on_track",
  at_risk: "badge-behind",
  missed: "badge-behind",
  unjudged: "badge-not_started",
};

export function KpiStatusBadge({ status, locale }: { status: KpiStatus | null; locale: Locale }) {
  const key = status ?? "unjudged";
  return (
    <span className={`badge ${BADGE_CLASS[key]}`} data-kpi-status={key}>
      {KPI_STATUS_TEXT[key][locale]}
    </span>
  );
}
