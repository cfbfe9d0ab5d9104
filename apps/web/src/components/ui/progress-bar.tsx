import { useI18n } from "../../lib/i18n";
import styles from "./progress-bar.module.css";

/** A percent as a bar, with the planned percent as a marker when given, and the figure beside it. */
export function ProgressBar({ value, planned, label }: { value: number | null; planned?: number; label: string }) {
  const { number } = useI18n();
  const shown = Math.min(100, Math.max(0, value ?? 0));
  return (
    <div className={styles.wrap}>
      {/* biome-ignore lint/a11y/useSemanticElements: a styled bar with the plan's marker, which <meter> cannot hold */}
      <div
        className={styles.bar}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={shown}
      >
        <div className={styles.fill} style={{ width: `${shown}%` }} />
        {planned !== undefined && <div className={styles.plan} style={{ left: `${planned}%` }} />}
      </div>
      <span className={styles.text}>{value === null ? "–" : `${number(value)} %`}</span>
    </div>
  );
}
