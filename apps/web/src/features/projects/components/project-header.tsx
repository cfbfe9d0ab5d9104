import "@mantine/core/styles/RingProgress.css";
import type { ProjectDetail } from "@cpm/schema";
import { RingProgress } from "@mantine/core";
import { ProgressBar } from "../../../components/ui/progress-bar";
import { StatusBadge } from "../../../components/ui/status-badge";
import { useI18n } from "../../../lib/i18n";
import { useUnitLabel } from "../../../lib/unit-names";
import styles from "./project-header.module.css";

export function ProjectHeader({ project }: { project: ProjectDetail }) {
  const { t, date, baht, number } = useI18n();
  const unitLabel = useUnitLabel();
  const units = [project.responsibleUnit?.code, project.budgetUnit?.code].filter(Boolean).join(" / ");
  const lagging = project.scheduleStatus === "behind" || project.scheduleStatus === "late";
  return (
    <header className={styles.header} data-testid="project-header">
      <p className="muted">
        {unitLabel(project.unit)} · {t("fiscalYear")} {project.fiscalYear} · {project.code}
      </p>
      <h1>{project.name}</h1>
      <div className={styles.headline}>
        <RingProgress
          size={132}
          thickness={12}
          roundCaps
          sections={[{ value: project.progress ?? 0, color: lagging ? "red.8" : "brand" }]}
          label={
            // one line inside the ring: "96.67 %", never "96.67" over "%"
            <div className={styles.ringNumber} data-testid="project-progress">
              {project.progress === null ? "–" : `${number(project.progress)}\u00a0%`}
            </div>
          }
        />
        <div className={styles.bar}>
          <ProgressBar value={project.progress} planned={project.plannedProgress} label={t("progress")} />
          <p className="muted small" data-testid="planned-figure">
            {t("planned")} {number(project.plannedProgress)}&nbsp;% · {t("asOf")} {date(project.asOf)}
          </p>
        </div>
        <StatusBadge status={project.scheduleStatus} />
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>{t("responsibleOfficer")}</dt>
          <dd>
            {project.responsibleOfficer || "–"}
            {/* signed-in readers only: anonymous readers get no phone */}
            {project.responsibleOfficerPhone ? ` (${t("phone")} ${project.responsibleOfficerPhone})` : null}
          </dd>
        </div>
        {units && (
          <div>
            <dt>{t("responsibleUnit")}</dt>
            <dd>{units}</dd>
          </div>
        )}
        <div>
          <dt>{t("budgetAllocated")}</dt>
          <dd>{baht(project.budgetAllocated)}</dd>
        </div>
        <div>
          <dt>{t("budgetSpent")}</dt>
          <dd data-testid="budget-spent">
            {baht(project.budgetSpent)}
            {project.budgetSpent !== null && (
              <span className="muted small">
                {" "}
                (
                {project.budgetSpentAsOf ? `${t("spentAsOfDate")} ${date(project.budgetSpentAsOf)}` : t("spentUndated")}
                )
              </span>
            )}
          </dd>
        </div>
        {project.policies.length > 0 && (
          <div>
            <dt>{t("policies")}</dt>
            <dd>{project.policies.map((p) => `${p.code} ${p.name}`).join(", ")}</dd>
          </div>
        )}
        <div>
          <dt>{t("strategy")}</dt>
          <dd>{project.strategy ? project.strategy.path.map((n) => n.name).join(" › ") : t("routineMission")}</dd>
        </div>
      </dl>
    </header>
  );
}
