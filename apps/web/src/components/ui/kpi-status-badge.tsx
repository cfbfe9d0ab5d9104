import type { KpiStatus } from "@cpm/schema/rules";
import type { Locale } from "../../lib/i18n";
import styles from "./badge.module.css";

/** บรรลุ · ตามเป้า · เสี่ยง · ไม่บรรลุ: the shared rule's KPI statuses in words. */
export const KPI_STATUS_TEXT: Record<KpiStatus | "unjudged", Record<Locale, string>> = {
  achieved: { th: "บรรลุเป้าหมาย", en: "Achieved" },
  on_track: { th: "เป็นไปตามเป้า", en: "On track" },
  at_risk: { th: "เสี่ยง", en: "At risk" },
  missed: { th: "ไม่บรรลุ", en: "Missed" },
  unjudged: { th: "ยังไม่มีผล", en: "No result yet" },
};

/** Each status wears the colour of the schedule status that means the same to a reader. */
const BADGE_TONE: Record<KpiStatus | "unjudged", "done" | "on_track" | "behind" | "not_started"> = {
  achieved: "done",
  on_track: "on_track",
  at_risk: "behind",
  missed: "behind",
  unjudged: "not_started",
};

export function KpiStatusBadge({ status, locale }: { status: KpiStatus | null; locale: Locale }) {
  const key = status ?? "unjudged";
  return (
    <span className={`${styles.badge} ${styles[BADGE_TONE[key]]}`} data-kpi-status={key}>
      {KPI_STATUS_TEXT[key][locale]}
    </span>
  );
}
