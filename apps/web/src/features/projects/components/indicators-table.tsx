import type { ProjectDetail } from "@cpm/schema";
import { useI18n } from "../../../lib/i18n";
import { IndicatorQuarterForm } from "./indicator-quarter-form";
import styles from "./indicators-table.module.css";
import { KpiJudgement } from "./kpi-judgement";

export function IndicatorsTable({
  indicators,
  projectCode,
  editable,
  onReload,
}: {
  indicators: ProjectDetail["indicators"];
  projectCode: string;
  editable: boolean;
  onReload: () => void;
}) {
  const { t, number } = useI18n();
  if (indicators.length === 0) return null;
  return (
    <section aria-labelledby="kpi-title">
      <h2 id="kpi-title">{t("indicators")}</h2>
      {indicators.map((kpi) => (
        <article key={kpi.code} className={styles.kpi} data-testid={`kpi-${kpi.code}`}>
          <h3>
            {kpi.code} {kpi.name}
          </h3>
          <p>
            {t("target")} {kpi.measureUnit}: <strong>{number(kpi.target)}</strong> · {t("achieved")} {kpi.measureUnit}:{" "}
            <strong>{number(kpi.achieved)}</strong>
          </p>
          <p className="muted small">
            {t(`indicatorType_${kpi.type}`)} · {t(`resultLevel_${kpi.resultLevel}`)}
          </p>
          <KpiJudgement kpi={kpi} />
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("quarter")}</th>
                  <th scope="col" className="num">
                    {t("result")} ({kpi.measureUnit})
                  </th>
                  <th scope="col" className="num">
                    2.1
                  </th>
                  <th scope="col" className="num">
                    2.2
                  </th>
                </tr>
              </thead>
              <tbody>
                {kpi.quarters.map((q) => (
                  <tr key={q.quarter}>
                    <td>{q.quarter}</td>
                    <td className="num">{q.value.toFixed(2)}</td>
                    <td className="num">{number(q.score21)}</td>
                    <td className="num">{number(q.score22)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {editable && <IndicatorQuarterForm indicator={kpi} projectCode={projectCode} onReload={onReload} />}
        </article>
      ))}
    </section>
  );
}
