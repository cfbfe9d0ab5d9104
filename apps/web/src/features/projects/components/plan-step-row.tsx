import type { FieldError } from "@cpm/schema";
import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { DateField } from "../../../components/ui/date-field";
import { FieldErrorText, fieldErrorText } from "../../../components/ui/field-error";
import { useI18n, useLocalized } from "../../../lib/i18n";
import type { MessageKey } from "../../../lib/messages";

/** A step as the officer types it: every field a string until the plan is saved. */
export interface DraftStep {
  key: number;
  name: string;
  weight: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  completion: string;
}

type DateKey = "plannedStart" | "plannedEnd" | "actualStart" | "actualEnd";
const DATES: DateKey[] = ["plannedStart", "plannedEnd", "actualStart", "actualEnd"];

/** One step of the plan editor: name, weight and own completion, its planned and actual spans, and its moves. */
export function PlanStepRow({
  step,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  step: DraftStep;
  index: number;
  count: number;
  errors: FieldError[];
  onChange: (patch: Partial<DraftStep>) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const localized = useLocalized();
  const id = (field: string) => `step-${step.key}-${field}`;
  return (
    <li className="plan-step-row">
      <label>
        {t("step")} {index + 1}
        <input
          value={step.name}
          onChange={(e) => onChange({ name: e.target.value })}
          aria-describedby={id("name-error")}
          required
        />
        <FieldErrorText errors={errors} path={`steps.${index}.name`} id={id("name-error")} />
      </label>
      <label>
        {t("weight")}
        <input
          type="number"
          step="0.01"
          min="0"
          max="100"
          inputMode="decimal"
          value={step.weight}
          onChange={(e) => onChange({ weight: e.target.value })}
          aria-describedby={id("weight-error")}
          required
        />
        <FieldErrorText errors={errors} path={`steps.${index}.weight`} id={id("weight-error")} />
      </label>
      <label>
        {t("ownCompletion")}
        <input
          type="number"
          min="0"
          max="100"
          step="0.01"
          inputMode="decimal"
          value={step.completion}
          onChange={(e) => onChange({ completion: e.target.value })}
          aria-describedby={id("completion-error")}
        />
        <FieldErrorText errors={errors} path={`steps.${index}.completion`} id={id("completion-error")} />
      </label>
      <div className="step-actions">
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
      <div className="plan-step-dates">
        {DATES.map((field) => (
          <div className="plan-field" key={field}>
            <label htmlFor={id(field)}>{t(field satisfies MessageKey)}</label>
            <DateField
              id={id(field)}
              value={step[field]}
              onChange={(value) => onChange({ [field]: value })}
              error={fieldErrorText(errors, `steps.${index}.${field}`, localized)}
            />
          </div>
        ))}
      </div>
    </li>
  );
}
