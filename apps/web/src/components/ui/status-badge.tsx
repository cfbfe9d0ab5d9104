import type { ScheduleStatus } from "@cpm/schema/rules";
import { useI18n } from "../../lib/i18n";
import styles from "./badge.module.css";

export function StatusBadge({ status }: { status: ScheduleStatus }) {
  const { t } = useI18n();
  return (
    <span className={`${styles.badge} ${styles[status]}`} data-testid="status-badge">
      {t(`status_${status}`)}
    </span>
  );
}
