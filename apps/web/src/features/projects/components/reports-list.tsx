import type { ProgressReport } from "@cpm/schema";
import { useI18n } from "../../../lib/i18n";

/** Reports newest first, as on the legacy page, with problems and obstacles. */
export function ReportsList({ reports }: { reports: ProgressReport[] }) {
  const { t, date, number } = useI18n();
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">
        {t("reports")} ({reports.length})
      </h2>
      {reports.length === 0 && <p className="empty">{t("noReportsYet")}</p>}
      <ol className="reports" data-testid="reports">
        {reports.map((report, index) => (
          <li key={report.id} className="report">
            <div className="report-head">
              <span className="report-no">({index + 1})</span>
              <strong>{number(report.percent)} %</strong>
              <time dateTime={report.reportDate}>{date(report.reportDate)}</time>
              <span className="muted small">
                {t("quarter")} {report.quarter}/{report.fiscalYear}
              </span>
              {report.dropsFromPrevious && <span className="badge badge-behind">{t("percentDrops")}</span>}
            </div>
            <p className="prewrap">{report.narrative}</p>
            <p className="small">
              <strong>{t("problems")}:</strong> {report.problems || "–"} · <strong>{t("obstacles")}:</strong>{" "}
              {report.obstacles || "–"}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
