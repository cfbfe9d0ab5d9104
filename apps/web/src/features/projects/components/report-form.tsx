import { type ProjectDetail, type ReportInput, type reportInput, reportInputAfter } from "@cpm/schema";
import { latestReport, percentDrops } from "@cpm/schema/rules";
import { useRef, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import type { z } from "zod";
import { DateInputField, NumberField, SavedNotice, TextAreaField, TextField } from "../../../components/form/fields";
import { ApiError } from "../../../lib/api-client";
import { fill } from "../../../lib/fill";
import { schemaResolver, showServerErrors } from "../../../lib/form";
import { useI18n, useLocalized } from "../../../lib/i18n";
import { useAddReport } from "../api/project-writes";
import { ConflictNotice } from "./conflict-notice";

const FIELDS = ["reportDate", "percent", "budgetSpent", "narrative", "problems", "obstacles", "reason"] as const;

/**
 * The monthly report: percent, narrative, problems and obstacles, dated today by default. A percent
 * below the previous report needs a reason and a confirmation before it is saved; the version the
 * officer saw goes with it, so that a report made on a page someone else has changed is not saved silently.
 */
export function ReportForm({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <ReportFormBody
      key={round}
      saved={saved}
      project={project}
      onReload={onReload}
      onEdit={() => setSaved(null)}
      onSaved={(text) => {
        setSaved(text);
        setRound((n) => n + 1);
      }}
    />
  );
}

function ReportFormBody({
  saved,
  project,
  onReload,
  onEdit,
  onSaved,
}: {
  saved: string | null;
  project: ProjectDetail;
  onReload: () => void;
  onEdit: () => void;
  onSaved: (text: string) => void;
}) {
  const { t, date, number } = useI18n();
  const localized = useLocalized();
  const addReport = useAddReport(project.code);
  // today as the server counts it (the project is read "as of" today), so that "this month" agrees with it
  const blank = { reportDate: project.asOf, narrative: "", problems: "ไม่มี", obstacles: "ไม่มี", reason: "" };
  // the percent of the report this one follows, as the resolver sees it when the form is checked
  const previous = useRef<number | null>(null);
  const form = useForm<z.input<typeof reportInput>, unknown, ReportInput>({
    resolver: (values, context, options) =>
      schemaResolver(reportInputAfter(previous.current))(values, context, options),
    defaultValues: blank,
  });
  const [confirming, setConfirming] = useState(false);
  const reportDate = form.watch("reportDate") ?? project.asOf;
  const percent = form.watch("percent");
  // the report this one follows: the latest on or before its date (a late report may be back-dated)
  const previousNow = latestReport(project.reports.filter((r) => r.reportDate <= reportDate))?.percent ?? null;
  previous.current = previousNow;
  const drops = percentDrops(previousNow, percent);
  const error = addReport.error instanceof ApiError ? addReport.error : null;

  const save = form.handleSubmit((input) => {
    if (drops && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    onEdit();
    addReport.mutate(
      { input: { ...input, reason: input.reason?.trim() ? input.reason : undefined }, version: project.version },
      {
        onSuccess: ({ data }) =>
          onSaved(fill(t("reportSaved"), { percent: number(data.percent), date: date(data.reportDate) })),
        onError: (failure) => {
          if (failure instanceof ApiError) showServerErrors(failure.fieldErrors, form.setError, FIELDS);
        },
      },
    );
  });

  return (
    <FormProvider {...form}>
      <form className="card form" aria-labelledby="report-form-title" onSubmit={save} noValidate>
        <h2 id="report-form-title">{t("addReport")}</h2>
        <p className="muted small">{t("requiredLegend")}</p>
        <ConflictNotice error={addReport.error} onReload={onReload} />
        <DateInputField name="reportDate" label={t("reportDate")} idPrefix="report" required />
        <NumberField name="percent" label={t("percent")} idPrefix="report" min={0} max={100} required />
        {drops && (
          <>
            <p className="warning" id="report-percent-warning" role="status">
              {t("dropWarning")}
            </p>
            <TextField
              name="reason"
              label={t("reason")}
              idPrefix="report"
              required
              hint={fill(t("dropReasonHint"), { previous: number(previousNow) })}
            />
          </>
        )}
        {/* งบฯ ที่ใช้ไป: optional, kept as the spending as of the report's date */}
        <NumberField
          name="budgetSpent"
          label={t("budgetSpentWithReport")}
          idPrefix="report"
          min={0}
          hint={t("budgetSpentWithReportHint")}
        />
        <TextAreaField name="narrative" label={t("narrative")} idPrefix="report" rows={4} />
        <div className="form-row two">
          <TextField name="problems" label={t("problems")} idPrefix="report" />
          <TextField name="obstacles" label={t("obstacles")} idPrefix="report" />
        </div>
        {error && error.status !== 412 && error.fieldErrors.length === 0 && (
          <p className="field-error" role="alert">
            {localized(error.localized)}
          </p>
        )}
        {confirming ? (
          <div className="confirm" role="alertdialog" aria-labelledby="report-confirm-text">
            <p id="report-confirm-text">
              {fill(t("confirmDrop"), { percent: number(percent), previous: number(previousNow) })}
            </p>
            <button type="submit" disabled={addReport.isPending}>
              {t("confirmSave")}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t("back")}
            </button>
          </div>
        ) : (
          <button type="submit" disabled={addReport.isPending}>
            {t("save")}
          </button>
        )}
        <SavedNotice text={saved} />
      </form>
    </FormProvider>
  );
}
