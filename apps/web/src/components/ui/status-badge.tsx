import type { ScheduleStatus } from "@cpm/schema/rules";
import { useI18n } from "../../lib/i18n";

export function StatusBadge({ status }: { status: ScheduleStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`status_${status}`)}</span>;
}
