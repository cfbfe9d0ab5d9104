import type { ProjectDetail } from "@cpm/schema";
import { daysBetween, fiscalYearSpan } from "@cpm/schema/rules";
import { useI18n } from "../../../lib/i18n";
import styles from "./plan-timeline.module.css";

/** One bar per step across the fiscal year: planned span, actual span and its own completion. */
export function PlanTimeline({ project }: { project: ProjectDetail }) {
  const { t, number } = useI18n();
  const fy = fiscalYearSpan(project.fiscalYear);
  const total = daysBetween(fy.start, fy.end) + 1;
  const position = (start: string | null, end: string | null) => {
    if (!start || !end) return null;
    const left = Math.max(0, Math.min(100, (daysBetween(fy.start, start) / total) * 100));
    const right = Math.max(0, Math.min(100, ((daysBetween(fy.start, end) + 1) / total) * 100));
    return { left: `${left}%`, width: `${Math.max(0.8, right - left)}%` };
  };
  return (
    <div className={styles.timeline} aria-label={t("plan")} role="img">
      {project.steps.map((step) => {
        const planned = position(step.plannedStart, step.plannedEnd);
        const actual = position(step.actualStart, step.actualEnd ?? step.actualStart);
        return (
          <div key={step.id} className={styles.row}>
            <div className={styles.label}>
              {step.order}. {step.name} <span className="muted">({number(step.weight)}%)</span>
            </div>
            <div className={styles.track}>
              {planned && <div className={styles.plan} style={planned} />}
              {actual && <div className={styles.actual} style={actual} />}
              <span className={styles.done}>{number(step.completion)}%</span>
            </div>
          </div>
        );
      })}
    </div>
  );
}
