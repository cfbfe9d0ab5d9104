import type { ProgressReport, ProjectDetail } from "@cpm/schema";
import { useEffect, useRef, useState } from "react";
import { SavedNotice } from "../../../components/form/fields";
import badge from "../../../components/ui/badge.module.css";
import { useI18n } from "../../../lib/i18n";
import { ReportCorrectionForm, ReportWithdrawForm } from "./report-correction";
import styles from "./reports-list.module.css";

type Editing = { id: number; mode: "correct" | "withdraw" } | null;

/**
 * Reports newest first, as on the legacy page, with problems and obstacles. Those who may write the
 * project correct or withdraw a report in place, saying why; what was done is said above the list.
 */
export function ReportsList({
  reports,
  project,
  onReload,
}: {
  reports: ProgressReport[];
  /** Given to those who may write the project: each report can then be corrected or withdrawn. */
  project?: ProjectDetail;
  onReload?: () => void;
}) {
  const { t, date, number } = useI18n();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.scrollIntoView({ block: "nearest" });
  }, [notice]);
  const done = (text: string) => {
    setEditing(null);
    setNotice(text);
  };
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">
        {t("reports")} ({reports.length})
      </h2>
      <div ref={noticeRef}>
        <SavedNotice text={notice} />
      </div>
      {reports.length === 0 && <p className="empty">{t("noReportsYet")}</p>}
      <ol className={styles.reports} data-testid="reports">
        {reports.map((report, index) => (
          <li key={report.id} className={styles.report}>
            <div className={styles.head}>
              <span className="report-no">({index + 1})</span>
              <strong>{number(report.percent)} %</strong>
              <time dateTime={report.reportDate}>{date(report.reportDate)}</time>
              <span className="muted small">
                {t("quarter")} {report.quarter}/{report.fiscalYear}
              </span>
              {report.dropsFromPrevious && (
                <span className={`${badge.badge} ${badge.behind}`}>{t("percentDrops")}</span>
              )}
              {project && editing?.id !== report.id && (
                <span className="report-actions">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setNotice(null);
                      setEditing({ id: report.id, mode: "correct" });
                    }}
                  >
                    {t("correct")}
                    <span className="sr-only"> ({index + 1})</span>
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setNotice(null);
                      setEditing({ id: report.id, mode: "withdraw" });
                    }}
                  >
                    {t("withdraw")}
                    <span className="sr-only"> ({index + 1})</span>
                  </button>
                </span>
              )}
            </div>
            <p className="prewrap">{report.narrative}</p>
            <p className="small">
              <strong>{t("problems")}:</strong> {report.problems || "–"} · <strong>{t("obstacles")}:</strong>{" "}
              {report.obstacles || "–"}
            </p>
            {project && editing?.id === report.id && (
              <ReportEditor
                mode={editing.mode}
                project={project}
                report={report}
                no={index + 1}
                onDone={done}
                onCancel={() => setEditing(null)}
                onReload={onReload ?? (() => {})}
              />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ReportEditor({
  mode,
  ...props
}: { mode: "correct" | "withdraw" } & Parameters<typeof ReportCorrectionForm>[0]) {
  return mode === "correct" ? <ReportCorrectionForm {...props} /> : <ReportWithdrawForm {...props} />;
}
