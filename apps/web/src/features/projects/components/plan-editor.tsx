import { type ProjectDetail, planInput } from "@cpm/schema";
import { totalWeight, weightsAreComplete } from "@cpm/schema/rules";
import { Plus } from "lucide-react";
import { FormProvider, useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { ApiError } from "../../../lib/api-client";
import { encodeMessage, messageText, schemaResolver } from "../../../lib/form";
import { useI18n } from "../../../lib/i18n";
import { useReplacePlan } from "../api/project-writes";
import { ConflictNotice } from "./conflict-notice";
import styles from "./plan-editor.module.css";
import { PlanStepRow } from "./plan-step-row";

type Values = z.output<typeof planInput>;

const stepsOf = (project: ProjectDetail) =>
  project.steps.map((s) => ({
    name: s.name,
    weight: s.weight,
    plannedStart: s.plannedStart,
    plannedEnd: s.plannedEnd,
    actualStart: s.actualStart,
    actualEnd: s.actualEnd,
    completion: s.completion,
  }));

/** Add, remove and reorder steps; the running total of the weights must reach exactly 100 before saving. */
export function PlanEditor({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t, number, locale } = useI18n();
  const replace = useReplacePlan(project.code);
  const form = useForm<z.input<typeof planInput>, unknown, Values>({
    resolver: schemaResolver(planInput),
    defaultValues: { steps: stepsOf(project) },
  });
  const rows = useFieldArray({ control: form.control, name: "steps" });
  const weights = (form.watch("steps") ?? []).map((s) => ({ weight: Number(s?.weight) || 0 }));
  const total = totalWeight(weights);
  const complete = weights.length > 0 && weightsAreComplete(weights);
  const stepsError = form.formState.errors.steps;
  const stepsMessage = messageText(stepsError?.root?.message ?? stepsError?.message, locale);

  const save = form.handleSubmit(({ steps }) =>
    replace.mutate(
      { steps, version: project.version },
      {
        onError: (failure) => {
          if (!(failure instanceof ApiError)) return;
          for (const error of failure.fieldErrors) {
            if (error.path === "steps" || error.path.startsWith("steps.")) {
              form.setError(error.path as "steps", { type: "server", message: encodeMessage(error.message) });
            }
          }
        },
      },
    ),
  );

  return (
    <FormProvider {...form}>
      <form className="card form" aria-labelledby="plan-editor-title" onSubmit={save} noValidate>
        <h2 id="plan-editor-title">{t("editPlan")}</h2>
        <ConflictNotice error={replace.error} onReload={onReload} />
        <ol className={styles.steps}>
          {rows.fields.map((row, index) => (
            <PlanStepRow
              key={row.id}
              rowKey={row.id}
              index={index}
              count={rows.fields.length}
              onMove={(by) => rows.move(index, index + by)}
              onRemove={() => rows.remove(index)}
            />
          ))}
        </ol>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            rows.append({
              name: "",
              weight: undefined as unknown as number,
              plannedStart: null,
              plannedEnd: null,
              actualStart: null,
              actualEnd: null,
              completion: 0,
            })
          }
        >
          <Plus size={16} aria-hidden /> {t("addStep")}
        </button>
        <p className={`${styles.total} ${complete ? styles.ok : styles.bad}`} role="status" data-testid="weight-total">
          {t("totalWeight")}: {number(total)} / 100 {complete ? "✓" : `— ${t("weightsMustTotal100")}`}
        </p>
        {stepsMessage && (
          <p className="field-error" id="steps-error" role="alert">
            {stepsMessage}
          </p>
        )}
        <button type="submit" disabled={!complete || replace.isPending}>
          {t("savePlan")}
        </button>
        {replace.isSuccess && (
          <span role="status" className={styles.saved}>
            {t("saved")}
          </span>
        )}
      </form>
    </FormProvider>
  );
}
