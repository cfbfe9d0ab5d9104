import type { ProjectDetail } from "@cpm/schema";
import { hasPlannedSpan } from "@cpm/schema/rules";
import { lazy, Suspense } from "react";
import cardTable from "../../../components/ui/card-table.module.css";
import { ChartFrame } from "../../../components/ui/chart-frame";
import { Words } from "../../../components/ui/words";
import { useI18n } from "../../../lib/i18n";
import { PLAN_CHART_HEIGHT } from "../lib/chart-sizes";
import { PlanTimeline } from "./plan-timeline";

const PlanChart = lazy(() => import("./plan-chart"));

export function PlanSteps({ project }: { project: ProjectDetail }) {
  const { t, date, number } = useI18n();
  const span = (start: string | null, end: string | null) => (start || end ? `${date(start)} – ${date(end)}` : "–");
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t("plan")}</h2>
      {/* flagged whatever the status: on the legacy page every step starts and ends on one day */}
      {project.steps.length > 0 && !project.steps.some(hasPlannedSpan) && (
        <p className="note" data-testid="no-schedule">
          {t("noSchedule")}
        </p>
      )}
      {project.steps.length === 0 ? <p className="empty">{t("noPlanYet")}</p> : <PlanTimeline project={project} />}
      <Suspense fallback={<ChartFrame caption={t("planVsActual")} height={PLAN_CHART_HEIGHT} />}>
        <PlanChart project={project} />
      </Suspense>
      <div className="table-wrap">
        <table data-testid="plan-steps" className={cardTable.table}>
          <thead>
            <tr>
              <th scope="col">
                <Words text={t("stepNumber")} />
              </th>
              <th scope="col">
                <Words text={t("step")} />
              </th>
              <th scope="col" className="num">
                <Words text={t("weight")} />
              </th>
              <th scope="col">
                <Words text={t("plannedSpan")} />
              </th>
              <th scope="col">
                <Words text={t("actualSpanHeader")} />
              </th>
              <th scope="col" className="num">
                <Words text={t("ownCompletionHeader")} />
              </th>
            </tr>
          </thead>
          <tbody>
            {project.steps.map((step) => (
              <tr key={step.id}>
                <td data-label={t("stepNumber")}>{step.order}</td>
                <td className={cardTable.title}>{step.name}</td>
                <td data-label={t("weight")} className="num">
                  {number(step.weight)}
                </td>
                <td data-label={t("plannedSpan")} className="nowrap">
                  {span(step.plannedStart, step.plannedEnd)}
                </td>
                <td data-label={t("actualSpan")} className="nowrap">
                  {span(step.actualStart, step.actualEnd)}
                </td>
                <td data-label={t("ownCompletion")} className="num">
                  {number(step.completion)} %
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t("totalWeight")} · {t("weightedCompletion")}
              </th>
              <td className="num">{number(project.totalWeight)}</td>
              <td colSpan={2} />
              <td className="num">{number(project.stepCompletion)} %</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
