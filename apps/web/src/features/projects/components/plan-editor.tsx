import type { FieldError, PlanStepInput, ProjectDetail } from "@cpm/schema";
import { totalWeight, weightsAreComplete } from "@cpm/schema/rules";
import { Plus } from "lucide-react";
import { useState } from "react";
import { FieldErrorText } from "../../../components/ui/field-error";
import { ApiError } from "../../../lib/api-client";
import { useI18n } from "../../../lib/i18n";
import { useReplacePlan } from "../api/project-writes";
import { ConflictNotice } from "./conflict-notice";
import { type DraftStep, PlanStepRow } from "./plan-step-row";

let nextKey = 1;
const toDraft = (project: ProjectDetail): DraftStep[] =>
  project.steps.map((s) => ({
    key: nextKey++,
    name: s.name,
    weight: String(s.weight),
    plannedStart: s.plannedStart ?? "",
    plannedEnd: s.plannedEnd ?? "",
    actualStart: s.actualStart ?? "",
    actualEnd: s.actualEnd ?? "",
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
      actualStart: s.actualStart || null,
      actualEnd: s.actualEnd || null,
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
          <PlanStepRow
            key={step.key}
            step={step}
            index={index}
            count={steps.length}
            errors={errors}
            onChange={(patch) => change(step.key, patch)}
            onMove={(by) => move(index, by)}
            onRemove={() => setSteps(steps.filter((s) => s.key !== step.key))}
          />
        ))}
      </ol>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          setSteps([
            ...steps,
            {
              key: nextKey++,
              name: "",
              weight: "",
              plannedStart: "",
              plannedEnd: "",
              actualStart: "",
              actualEnd: "",
              completion: "0",
            },
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
