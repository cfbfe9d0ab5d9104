import { evaluationInput, type ProjectDetail, quarterParam } from "@cpm/schema";
import { useState } from "react";
import { Controller, FormProvider, useForm } from "react-hook-form";
import { useSearchParams } from "react-router";
import { NumberField, SavedNotice, TextAreaField } from "../../../components/form/fields";
import { QuarterSelect } from "../../../components/ui/fiscal-period-select";
import { ApiError } from "../../../lib/api-client";
import { fill } from "../../../lib/fill";
import { schemaResolver, showServerErrors } from "../../../lib/form";
import { useI18n, useLocalized } from "../../../lib/i18n";
import { useSetEvaluation } from "../api/project-writes";
import { ConflictNotice } from "./conflict-notice";

const evaluationForm = evaluationInput.extend({ quarter: quarterParam });
type Values = ReturnType<typeof evaluationForm.parse>;

/**
 * สยป.: the evaluator's score of the project for one quarter (0–100), explained beside the field,
 * confirmed before it is sent, and said back once saved. A link from the queue picks the quarter (?evaluate=).
 */
export function EvaluationForm({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t, number } = useI18n();
  const localized = useLocalized();
  const [params] = useSearchParams();
  const setEvaluation = useSetEvaluation(project.code);
  const requested = Number(params.get("evaluate"));
  const start = requested >= 1 && requested <= 4 ? requested : 1;
  const current = (quarter: number) => project.evaluations.find((e) => e.quarter === quarter);
  const form = useForm({
    resolver: schemaResolver(evaluationForm),
    defaultValues: { quarter: start, score: current(start)?.score, note: current(start)?.note ?? "" },
  });
  const [confirming, setConfirming] = useState<Values | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const error = setEvaluation.error instanceof ApiError ? setEvaluation.error : null;

  const send = (values: Values) =>
    setEvaluation.mutate(
      { quarter: values.quarter, input: { score: values.score, note: values.note }, version: project.version },
      {
        onSuccess: () => {
          setConfirming(null);
          setSaved(fill(t("evaluationSaved"), { quarter: values.quarter, score: number(values.score) }));
        },
        onError: (failure) => {
          setConfirming(null);
          if (failure instanceof ApiError) showServerErrors(failure.fieldErrors, form.setError, ["score", "note"]);
        },
      },
    );

  return (
    <FormProvider {...form}>
      <form
        className="card form"
        aria-labelledby="evaluation-form-title"
        noValidate
        onSubmit={form.handleSubmit((values) => {
          setSaved(null);
          setConfirming(values);
        })}
      >
        <h2 id="evaluation-form-title">{t("setEvaluation")}</h2>
        <ConflictNotice error={setEvaluation.error} onReload={onReload} />
        <div className="form-row two">
          <Controller
            control={form.control}
            name="quarter"
            render={({ field }) => (
              <QuarterSelect
                id="evaluation-quarter"
                className="form-row"
                value={field.value as number}
                onChange={(quarter) => {
                  field.onChange(Number(quarter));
                  const existing = current(Number(quarter));
                  form.setValue("score", existing?.score as number);
                  form.setValue("note", existing?.note ?? "");
                }}
              />
            )}
          />
          <NumberField
            name="score"
            label={t("score")}
            idPrefix="evaluation"
            min={0}
            max={100}
            required
            hint={t("scoreHint")}
          />
        </div>
        <TextAreaField name="note" label={t("evaluationNote")} idPrefix="evaluation" rows={2} />
        {error && error.status !== 412 && error.fieldErrors.length === 0 && (
          <p className="field-error" role="alert">
            {localized(error.localized)}
          </p>
        )}
        {confirming ? (
          <div className="confirm" role="alertdialog" aria-labelledby="evaluation-confirm-text">
            <p id="evaluation-confirm-text">
              {fill(t("confirmEvaluation"), { score: number(confirming.score), quarter: confirming.quarter })}
            </p>
            <button type="button" disabled={setEvaluation.isPending} onClick={() => send(confirming)}>
              {t("confirmSave")}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              {t("back")}
            </button>
          </div>
        ) : (
          <button type="submit" disabled={setEvaluation.isPending}>
            {t("save")}
          </button>
        )}
        <SavedNotice text={saved} />
      </form>
    </FormProvider>
  );
}
