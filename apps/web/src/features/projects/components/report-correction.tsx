import { type ProgressReport, type ProjectDetail, reportCorrection, reportWithdrawalWithReason } from "@cpm/schema";
import { FormProvider, useForm } from "react-hook-form";
import { DateInputField, NumberField, TextAreaField, TextField } from "../../../components/form/fields";
import { ApiError } from "../../../lib/api-client";
import { fill } from "../../../lib/fill";
import { schemaResolver, showServerErrors } from "../../../lib/form";
import { useI18n, useLocalized } from "../../../lib/i18n";
import { useCorrectReport, useWithdrawReport } from "../api/project-writes";
import { ConflictNotice } from "./conflict-notice";

const FIELDS = ["reportDate", "percent", "narrative", "problems", "obstacles", "reason"] as const;

interface Props {
  project: ProjectDetail;
  report: ProgressReport;
  /** The report's number as the list shows it, (1) the newest. */
  no: number;
  onDone: (notice: string) => void;
  onCancel: () => void;
  onReload: () => void;
}

function RefusedText({ error }: { error: unknown }) {
  const localized = useLocalized();
  if (!(error instanceof ApiError) || error.status === 412 || error.fieldErrors.length > 0) return null;
  return (
    <p className="field-error" role="alert">
      {localized(error.localized)}
    </p>
  );
}

/** Correct a report: what changed goes to the server with the reason, which the history keeps. */
export function ReportCorrectionForm({ project, report, no, onDone, onCancel, onReload }: Props) {
  const { t } = useI18n();
  const correct = useCorrectReport(project.code);
  const form = useForm({
    resolver: schemaResolver(reportCorrection),
    defaultValues: {
      reportDate: report.reportDate,
      percent: report.percent,
      narrative: report.narrative,
      problems: report.problems,
      obstacles: report.obstacles,
      reason: "",
    },
  });
  const id = `correct-${report.id}`;
  const save = form.handleSubmit((values) => {
    const patch = Object.fromEntries(
      Object.entries(values).filter(
        ([key, value]) => key === "reason" || report[key as keyof ProgressReport] !== value,
      ),
    ) as typeof values;
    correct.mutate(
      { id: report.id, patch, version: project.version },
      {
        onSuccess: () => onDone(fill(t("reportCorrected"), { no })),
        onError: (error) => {
          if (error instanceof ApiError) showServerErrors(error.fieldErrors, form.setError, FIELDS);
        },
      },
    );
  });
  return (
    <FormProvider {...form}>
      <form className="card form" aria-labelledby={`${id}-title`} onSubmit={save} noValidate>
        <h3 id={`${id}-title`}>{fill(t("correctReportTitle"), { no })}</h3>
        <ConflictNotice error={correct.error} onReload={onReload} />
        <div className="form-row two">
          <DateInputField name="reportDate" label={t("reportDate")} idPrefix={id} required />
          <NumberField name="percent" label={t("percent")} idPrefix={id} min={0} max={100} required />
        </div>
        <TextAreaField name="narrative" label={t("narrative")} idPrefix={id} rows={3} />
        <div className="form-row two">
          <TextField name="problems" label={t("problems")} idPrefix={id} />
          <TextField name="obstacles" label={t("obstacles")} idPrefix={id} />
        </div>
        <TextField name="reason" label={t("reason")} idPrefix={id} required hint={t("correctionReasonHint")} />
        <RefusedText error={correct.error} />
        <div className="button-row">
          <button type="submit" disabled={correct.isPending}>
            {t("save")}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

/** Withdraw a report: it no longer counts, and stays in the history with the reason. */
export function ReportWithdrawForm({ project, report, no, onDone, onCancel, onReload }: Props) {
  const { t, number, date } = useI18n();
  const withdraw = useWithdrawReport(project.code);
  const form = useForm({ resolver: schemaResolver(reportWithdrawalWithReason), defaultValues: { reason: "" } });
  const id = `withdraw-${report.id}`;
  const save = form.handleSubmit(({ reason }) =>
    withdraw.mutate(
      { id: report.id, reason, version: project.version },
      {
        onSuccess: () => onDone(fill(t("reportWithdrawn"), { no })),
        onError: (error) => {
          if (error instanceof ApiError) showServerErrors(error.fieldErrors, form.setError, ["reason"]);
        },
      },
    ),
  );
  return (
    <FormProvider {...form}>
      <form className="card form" aria-labelledby={`${id}-title`} onSubmit={save} noValidate>
        <h3 id={`${id}-title`}>{fill(t("withdrawReportTitle"), { no })}</h3>
        <p className="warning">
          {number(report.percent)} % · {date(report.reportDate)} — {t("withdrawHint")}
        </p>
        <ConflictNotice error={withdraw.error} onReload={onReload} />
        <TextField name="reason" label={t("reason")} idPrefix={id} required />
        <RefusedText error={withdraw.error} />
        <div className="button-row">
          <button type="submit" className="danger" disabled={withdraw.isPending}>
            {t("confirmWithdraw")}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
