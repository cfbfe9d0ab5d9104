import type { ProjectDetail } from "@cpm/schema";
import { latestReport } from "@cpm/schema/rules";
import { useState } from "react";
import { DateField } from "../../../components/ui/date-field";
import { FieldErrorText, fieldErrorText } from "../../../components/ui/field-error";
import { ApiError } from "../../../lib/api-client";
import { useI18n, useLocalized } from "../../../lib/i18n";
import { useAddReport } from "../api/add-report";
import { ConflictNotice } from "./conflict-notice";

/**
 * The monthly report: percent, narrative, problems and obstacles, dated today by default. It
 * warns when the percent drops below the previous report, and sends the version the officer
 * saw, so that a report made on a page someone else has changed since is not saved silently.
 */
export function ReportForm({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const addReport = useAddReport(project.code);
  // today as the server counts it (the project is read "as of" today), so that "this month" agrees with it
  const [reportDate, setReportDate] = useState(project.asOf);
  const [percent, setPercent] = useState("");
  const [narrative, setNarrative] = useState("");
  const [problems, setProblems] = useState("ไม่มี");
  const [obstacles, setObstacles] = useState("ไม่มี");
  // the report this one follows: the latest on or before its date (a late report may be back-dated)
  const previous = latestReport(project.reports.filter((r) => r.reportDate <= reportDate))?.percent ?? null;
  const drops = percent !== "" && previous !== null && Number(percent) < previous;
  const error = addReport.error instanceof ApiError ? addReport.error : null;
  const fieldErrors = error?.fieldErrors ?? [];

  return (
    <form
      className="card form"
      aria-labelledby="report-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        addReport.mutate(
          {
            input: {
              reportDate,
              percent: percent === "" ? Number.NaN : Number(percent),
              narrative,
              problems,
              obstacles,
            },
            version: project.version,
          },
          { onSuccess: () => setPercent("") },
        );
      }}
    >
      <h2 id="report-form-title">{t("addReport")}</h2>
      <ConflictNotice error={addReport.error} onReload={onReload} />
      <div className="form-row">
        <label htmlFor="report-date">{t("reportDate")}</label>
        <DateField
          id="report-date"
          value={reportDate}
          onChange={setReportDate}
          error={fieldErrorText(fieldErrors, "reportDate", localized)}
          required
        />
      </div>
      <div className="form-row">
        <label htmlFor="report-percent">{t("percent")}</label>
        <input
          id="report-percent"
          type="number"
          inputMode="decimal"
          step="0.01"
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
          aria-describedby="report-percent-warning report-percent-error"
          required
        />
        {drops && (
          <p className="warning" id="report-percent-warning" role="status">
            {t("dropWarning")}
          </p>
        )}
        <FieldErrorText errors={fieldErrors} path="percent" id="report-percent-error" />
      </div>
      <div className="form-row">
        <label htmlFor="report-narrative">{t("narrative")}</label>
        <textarea id="report-narrative" rows={4} value={narrative} onChange={(e) => setNarrative(e.target.value)} />
      </div>
      <div className="form-row two">
        <div>
          <label htmlFor="report-problems">{t("problems")}</label>
          <input id="report-problems" value={problems} onChange={(e) => setProblems(e.target.value)} />
        </div>
        <div>
          <label htmlFor="report-obstacles">{t("obstacles")}</label>
          <input id="report-obstacles" value={obstacles} onChange={(e) => setObstacles(e.target.value)} />
        </div>
      </div>
      {error && error.status !== 412 && fieldErrors.length === 0 && (
        <p className="field-error" role="alert">
          {localized(error.localized)}
        </p>
      )}
      <button type="submit" disabled={addReport.isPending}>
        {t("save")}
      </button>
      {addReport.isSuccess && (
        <span role="status" className="saved">
          {t("saved")}
        </span>
      )}
    </form>
  );
}
