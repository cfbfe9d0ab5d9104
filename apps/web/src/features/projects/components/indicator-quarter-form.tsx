import { type IndicatorSummary, indicatorQuarterInput, quarterParam } from "@cpm/schema";
import { useState } from "react";
import { Controller, FormProvider, useForm } from "react-hook-form";
import type { z } from "zod";
import { NumberField, SavedNotice } from "../../../components/form/fields";
import { QuarterSelect } from "../../../components/ui/fiscal-period-select";
import { ApiError } from "../../../lib/api-client";
import { fill } from "../../../lib/fill";
import { schemaResolver, showServerErrors } from "../../../lib/form";
import { useI18n, useLocalized } from "../../../lib/i18n";
import { useSetIndicatorQuarter } from "../api/indicator-writes";
import { ConflictNotice } from "./conflict-notice";
import styles from "./indicator-quarter-form.module.css";

const quarterForm = indicatorQuarterInput.extend({ quarter: quarterParam });
type Values = ReturnType<typeof quarterForm.parse>;

/**
 * Record a quarter of a KPI: the result (ผลงาน, in the KPI's unit; officers) and the evaluation
 * office's scores 2.1 / 2.2 (0–100; evaluators), explained as the legacy page's "ผลประเมินตัวชี้วัด"
 * heading does, confirmed before sending. The server checks who may change what.
 */
export function IndicatorQuarterForm({
  indicator,
  projectCode,
  onReload,
}: {
  indicator: IndicatorSummary;
  projectCode: string;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const localized = useLocalized();
  const setQuarter = useSetIndicatorQuarter(projectCode);
  const row = (quarter: number) => indicator.quarters.find((q) => q.quarter === quarter);
  const valuesOf = (quarter: number) => ({
    quarter,
    value: row(quarter)?.value,
    score21: row(quarter)?.score21 ?? null,
    score22: row(quarter)?.score22 ?? null,
  });
  const form = useForm<z.input<typeof quarterForm>, unknown, Values>({
    resolver: schemaResolver(quarterForm),
    defaultValues: valuesOf(1),
  });
  const [confirming, setConfirming] = useState<Values | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const error = setQuarter.error instanceof ApiError ? setQuarter.error : null;
  const id = `kpi-${indicator.code}`;

  const send = ({ quarter, ...input }: Values) =>
    setQuarter.mutate(
      { code: indicator.code, quarter, version: indicator.version, input },
      {
        onSuccess: () => {
          setConfirming(null);
          setSaved(fill(t("kpiSaved"), { code: indicator.code, quarter }));
        },
        onError: (failure) => {
          setConfirming(null);
          if (failure instanceof ApiError)
            showServerErrors(failure.fieldErrors, form.setError, ["value", "score21", "score22"]);
        },
      },
    );

  return (
    <FormProvider {...form}>
      <form
        className={styles.form}
        aria-label={`${t("recordQuarter")} ${indicator.code}`}
        noValidate
        onSubmit={form.handleSubmit((values) => {
          setSaved(null);
          setConfirming(values);
        })}
      >
        <p className="explain" id={`${id}-explain`}>
          {fill(t("kpiExplained"), { unit: indicator.measureUnit })}
        </p>
        <ConflictNotice error={error} onReload={onReload} />
        <Controller
          control={form.control}
          name="quarter"
          render={({ field }) => (
            <QuarterSelect
              id={`${id}-quarter`}
              value={field.value as number}
              onChange={(quarter) => form.reset(valuesOf(Number(quarter)))}
            />
          )}
        />
        <NumberField
          name="value"
          label={t("result")}
          idPrefix={id}
          min={0}
          required
          hint={fill(t("kpiValueHint"), { unit: indicator.measureUnit })}
        />
        <NumberField name="score21" label={t("score21")} idPrefix={id} min={0} max={100} emptyIsNull />
        <NumberField name="score22" label={t("score22")} idPrefix={id} min={0} max={100} emptyIsNull />
        {confirming ? (
          <div className="confirm" role="alertdialog" aria-labelledby={`${id}-confirm-text`}>
            <p id={`${id}-confirm-text`}>
              {fill(t("confirmKpi"), { code: indicator.code, quarter: confirming.quarter })}
            </p>
            <button type="button" disabled={setQuarter.isPending} onClick={() => send(confirming)}>
              {t("confirmSave")}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              {t("back")}
            </button>
          </div>
        ) : (
          <button type="submit" disabled={setQuarter.isPending}>
            {t("save")}
          </button>
        )}
        {error && error.status !== 412 && error.fieldErrors.length === 0 && (
          <p className="field-error" role="alert">
            {localized(error.localized)}
          </p>
        )}
        <SavedNotice text={saved} />
      </form>
    </FormProvider>
  );
}
