import { type ProjectDetail, projectPatch } from "@cpm/schema";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import type { z } from "zod";
import { DateInputField, NumberField, SavedNotice, TextAreaField, TextField } from "../../../components/form/fields";
import { ApiError } from "../../../lib/api-client";
import { schemaResolver, showServerErrors } from "../../../lib/form";
import { useI18n, useLocalized } from "../../../lib/i18n";
import { useUpdateProject } from "../api/project-writes";
import { ConflictNotice } from "./conflict-notice";

const FIELDS = [
  "name",
  "responsibleOfficer",
  "responsibleOfficerPhone",
  "budgetAllocated",
  "budgetSpent",
  "plannedStart",
  "plannedFinish",
  "rationale",
  "objectives",
  "targets",
] as const;
type Values = z.output<typeof projectPatch>;

const valuesOf = (p: ProjectDetail) => ({
  name: p.name,
  responsibleOfficer: p.responsibleOfficer,
  responsibleOfficerPhone: p.responsibleOfficerPhone ?? "",
  budgetAllocated: p.budgetAllocated,
  budgetSpent: p.budgetSpent,
  plannedStart: p.plannedStart,
  plannedFinish: p.plannedFinish,
  rationale: p.rationale,
  objectives: p.objectives,
  targets: p.targets,
});

/** A project's fields; only those that changed are sent, with the version the user read. */
export function ProjectEditForm({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const update = useUpdateProject(project.code);
  const [saved, setSaved] = useState(false);
  const form = useForm<z.input<typeof projectPatch>, unknown, Values>({
    resolver: schemaResolver(projectPatch),
    defaultValues: valuesOf(project),
  });
  const error = update.error instanceof ApiError ? update.error : null;
  const save = form.handleSubmit((values) => {
    const before: Record<string, unknown> = valuesOf(project);
    const patch = Object.fromEntries(Object.entries(values).filter(([key, value]) => before[key] !== value)) as Values;
    setSaved(false);
    update.mutate(
      { patch, version: project.version },
      {
        onSuccess: () => setSaved(true),
        onError: (failure) => {
          if (failure instanceof ApiError) showServerErrors(failure.fieldErrors, form.setError, FIELDS);
        },
      },
    );
  });
  return (
    <FormProvider {...form}>
      <form className="card form" aria-labelledby="project-edit-title" onSubmit={save} noValidate>
        <h2 id="project-edit-title">{t("edit")}</h2>
        <p className="muted small">{t("requiredLegend")}</p>
        <ConflictNotice error={update.error} onReload={onReload} />
        <TextField name="name" label={t("projectName")} idPrefix="project" required />
        <TextField name="responsibleOfficer" label={t("responsibleOfficer")} idPrefix="project" />
        <TextField name="responsibleOfficerPhone" label={t("phone")} idPrefix="project" />
        <div className="form-row two">
          <NumberField name="budgetAllocated" label={t("budgetAllocated")} idPrefix="project" min={0} emptyIsNull />
          <NumberField name="budgetSpent" label={t("budgetSpent")} idPrefix="project" min={0} emptyIsNull />
        </div>
        <div className="form-row two">
          <DateInputField name="plannedStart" label={t("projectStart")} idPrefix="project" />
          <DateInputField name="plannedFinish" label={t("plannedFinish")} idPrefix="project" />
        </div>
        <TextAreaField name="rationale" label={t("rationale")} idPrefix="project" />
        <TextAreaField name="objectives" label={t("objectives")} idPrefix="project" />
        <TextAreaField name="targets" label={t("targets")} idPrefix="project" />
        {error && error.status !== 412 && error.fieldErrors.length === 0 && (
          <p className="field-error" role="alert">
            {localized(error.localized)}
          </p>
        )}
        <button type="submit" disabled={update.isPending}>
          {t("save")}
        </button>
        <SavedNotice text={saved ? t("saved") : null} />
      </form>
    </FormProvider>
  );
}
