import type { planInput } from "@cpm/schema";
import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { Controller, useFormContext } from "react-hook-form";
import type { z } from "zod";
import { DateField } from "../../../components/ui/date-field";
import { messageText } from "../../../lib/form";
import { useI18n } from "../../../lib/i18n";
import type { MessageKey } from "../../../lib/messages";
import styles from "./plan-step-row.module.css";

type PlanValues = z.input<typeof planInput>;
type DateKey = "plannedStart" | "plannedEnd" | "actualStart" | "actualEnd";
const DATES: DateKey[] = ["plannedStart", "plannedEnd", "actualStart", "actualEnd"];

const numberOrUndefined = (value: unknown) => (value === "" || value === null ? undefined : Number(value));
const numberOrZero = (value: unknown) => (value === "" || value === null ? 0 : Number(value));

/** One step of the plan editor: name, weight and own completion, its planned and actual spans, and its moves. */
export function PlanStepRow({
  rowKey,
  index,
  count,
  onMove,
  onRemove,
}: {
  /** The row's stable key (react-hook-form's field id), for the ids of its fields. */
  rowKey: string;
  index: number;
  count: number;
  onMove: (by: number) => void;
  onRemove: () => void;
}) {
  const { t, locale } = useI18n();
  const form = useFormContext<PlanValues>();
  const errors = form.formState.errors.steps?.[index];
  const errorOf = (field: "name" | "weight" | "completion" | DateKey) => messageText(errors?.[field]?.message, locale);
  const id = (field: string) => `step-${rowKey}-${field}`;
  const errorText = (field: "name" | "weight" | "completion") => {
    const text = errorOf(field);
    return text ? (
      <p className="field-error" id={id(`${field}-error`)} role="alert">
        {text}
      </p>
    ) : null;
  };
  return (
    <li className={styles.row} data-testid="plan-step">
      <label>
        {t("step")} {index + 1}
        <input {...form.register(`steps.${index}.name`)} aria-describedby={id("name-error")} required />
        {errorText("name")}
      </label>
      <label>
        {t("weight")}
        <input
          type="number"
          step="0.01"
          min="0"
          max="100"
          inputMode="decimal"
          {...form.register(`steps.${index}.weight`, { setValueAs: numberOrUndefined })}
          aria-describedby={id("weight-error")}
          required
        />
        {errorText("weight")}
      </label>
      <label>
        {t("ownCompletion")}
        <input
          type="number"
          min="0"
          max="100"
          step="0.01"
          inputMode="decimal"
          {...form.register(`steps.${index}.completion`, { setValueAs: numberOrZero })}
          aria-describedby={id("completion-error")}
        />
        {errorText("completion")}
      </label>
      <div className={styles.actions}>
        <button
          type="button"
          className="link-button"
          aria-label={`${t("moveUp")} ${index + 1}`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          <ArrowUp size={18} aria-hidden />
        </button>
        <button
          type="button"
          className="link-button"
          aria-label={`${t("moveDown")} ${index + 1}`}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          <ArrowDown size={18} aria-hidden />
        </button>
        <button type="button" className="link-button" onClick={onRemove}>
          <Trash2 size={16} aria-hidden /> {t("removeStep")}
        </button>
      </div>
      <div className={styles.dates}>
        {DATES.map((field) => (
          <div className={styles.field} key={field}>
            <label htmlFor={id(field)}>{t(field satisfies MessageKey)}</label>
            <Controller
              control={form.control}
              name={`steps.${index}.${field}`}
              render={({ field: control }) => (
                <DateField
                  id={id(field)}
                  value={(control.value as string | null | undefined) ?? ""}
                  onChange={(value) => control.onChange(value || null)}
                  error={errorOf(field)}
                />
              )}
            />
          </div>
        ))}
      </div>
    </li>
  );
}
