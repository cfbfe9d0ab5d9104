import type { FieldError, PlanStepInput, ProjectDetail } from "@cpm/schema";
import { totalWeight, weightsAreComplete } from "@cpm/schema/rules";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { DateField } from "../../../components/ui/date-field";
import { FieldErrorText } from "../../../components/ui/field-error";
import { ApiError } from "../../../lib/api-client";
import { useI18n } from "../../../lib/i18n";
import { useReplacePlan } from "../api/project-writes";
import { ConflictNotice } from "./conflict-notice";

interface DraftStep {
  key: number;
  name: string;
  weight: string;
  plannedStart: string;
  plannedEnd: string;
  completion: string;
}

let nextKey = 1;
const toDraft = (project: ProjectDetail): DraftStep[] =>
  project.steps.map((s) => ({
    key: nextKey++,
    name: s.name,
    weight: String(s.weight),
    plannedStart: s.plannedStart ?? "",
    plannedEnd: s.plannedEnd ?? "",
    completion: String(s.completion),
  }));

/** Add, remove and reorder steps; the running total of the weights must reach exactly 100 before saving. */
export function PlanEditor({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t, number } = useI18n();
  const [steps, setSteps] = useState<DraftStep[]>(() => toDraft(project));
  const replace = useReplacePlan(project.code);
  const weights = steps.map((s) => ({ weight: Number(s.weight) || 0 }));
  const total = totalWeight(weights);
  const complete = steps.length > 0 && weightsAreComplete(weights);
  const errors: FieldError[] = replace.error instanceof ApiError ? replace.error.fieldErrors : [];

  const change = (key: number, patch: Partial<DraftStep>) =>
    setSteps(steps.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const move = (index: number, by: number) => {
    const next = [...steps];
    const [step] = next.splice(index, 1);
    if (step) next.splice(index + by, 0, step);
    setSteps(next);
  };
  const save = () => {
    const input: PlanStepInput[] = steps.map((s) => ({
      name: s.name,
      weight: Number(s.weight),
      plannedStart: s.plannedStart || null,
      plannedEnd: s.plannedEnd || null,
      completion: Number(s.completion) || 0,
    }));
    replace.mutate({ steps: input, version: project.version });
  };

  return (
    <form
      className="card form"
      aria-labelledby="plan-editor-title"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2 id="plan-editor-title">{t("editPlan")}</h2>
      <ConflictNotice error={replace.error} onReload={onReload} />
      <ol className="plan-editor">
        {steps.map((step, index) => (
          <li key={step.key} className="plan-step-row">
            <label>
              {t("step")} {index + 1}
              <input value={step.name} onChange={(e) => change(step.key, { name: e.target.value })} required />
              <FieldErrorText errors={errors} path={`steps.${index}.name`} id={`step-${step.key}-name-error`} />
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
                onChange={(e) => change(step.key, { weight: e.target.value })}
                required
              />
              <FieldErrorText errors={errors} path={`steps.${index}.weight`} id={`step-${step.key}-weight-error`} />
            </label>
            <div className="plan-field">
              <label htmlFor={`step-${step.key}-start`}>{t("plannedStart")}</label>
              <DateField
                id={`step-${step.key}-start`}
                value={step.plannedStart}
                onChange={(value) => change(step.key, { plannedStart: value })}
              />
            </div>
            <div className="plan-field">
              <label htmlFor={`step-${step.key}-end`}>{t("plannedEnd")}</label>
              <DateField
                id={`step-${step.key}-end`}
                value={step.plannedEnd}
                onChange={(value) => change(step.key, { plannedEnd: value })}
                describedBy={`step-${step.key}-end-error`}
              />
              <FieldErrorText errors={errors} path={`steps.${index}.plannedEnd`} id={`step-${step.key}-end-error`} />
            </div>
            <label>
              {t("ownCompletion")}
              <input
                type="number"
                min="0"
                max="100"
                step="0.01"
                value={step.completion}
                onChange={(e) => change(step.key, { completion: e.target.value })}
              />
            </label>
            <div className="step-actions">
              <button
                type="button"
                className="link-button"
                aria-label={`${t("moveUp")} ${index + 1}`}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                <ArrowUp size={18} aria-hidden />
              </button>
              <button
                type="button"
                className="link-button"
                aria-label={`${t("moveDown")} ${index + 1}`}
                disabled={index === steps.length - 1}
                onClick={() => move(index, 1)}
              >
                <ArrowDown size={18} aria-hidden />
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => setSteps(steps.filter((s) => s.key !== step.key))}
              >
                <Trash2 size={16} aria-hidden /> {t("removeStep")}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          setSteps([
            ...steps,
            { key: nextKey++, name: "", weight: "", plannedStart: "", plannedEnd: "", completion: "0" },
          ])
        }
      >
        <Plus size={16} aria-hidden /> {t("addStep")}
      </button>
      <p className={complete ? "total ok" : "total bad"} role="status" data-testid="weight-total">
        {t("totalWeight")}: {number(total)} / 100 {complete ? "✓" : `— ${t("weightsMustTotal100")}`}
      </p>
      <FieldErrorText errors={errors} path="steps" id="steps-error" />
      <button type="submit" disabled={!complete || replace.isPending}>
        {t("savePlan")}
      </button>
      {replace.isSuccess && (
        <span role="status" className="saved">
          {t("saved")}
        </span>
      )}
    </form>
  );
}
