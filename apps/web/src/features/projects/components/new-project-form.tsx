import {
  INDICATOR_TYPES,
  indicatorCode,
  measure,
  projectCreate,
  RESULT_LEVELS,
  requiredText,
  type UnitSummary,
} from "@cpm/schema";
import { acceptedFiscalYears } from "@cpm/schema/rules";
import { useState } from "react";
import { Controller, FormProvider, useFieldArray, useForm } from "react-hook-form";
import { z } from "zod";
import { DateInputField, NumberField, SelectField, TextAreaField, TextField } from "../../../components/form/fields";
import { FiscalYearSelect } from "../../../components/ui/fiscal-period-select";
import { ApiError } from "../../../lib/api-client";
import { encodeMessage, schemaResolver } from "../../../lib/form";
import { useI18n, useLocalized } from "../../../lib/i18n";
import { useProjectChoices } from "../api/project-choices";
import { useCreateIndicator, useCreateProject } from "../api/project-writes";

const kpiRow = z.object({
  code: indicatorCode,
  name: requiredText(1_000),
  measureUnit: requiredText(50),
  target: measure,
  type: z.enum(INDICATOR_TYPES),
  resultLevel: z.enum(RESULT_LEVELS),
});
/** The project as the API takes it, and the KPIs to create and link to it. */
const newProjectForm = z.object({ project: projectCreate, indicators: z.array(kpiRow).max(20) });
type Values = z.output<typeof newProjectForm>;

const LONG_TEXTS = ["rationale", "objectives", "targets"] as const;

/**
 * A new project: only the units the user may write are offered (from the session), required fields
 * are marked, strategy, policies and KPIs can be set, and Cancel leaves without saving.
 */
export function NewProjectForm({
  units,
  writableUnitCodes,
  defaultUnit,
  currentFiscalYear,
  onCreated,
  onCancel,
}: {
  units: UnitSummary[];
  writableUnitCodes: string[];
  defaultUnit: string;
  currentFiscalYear: number;
  onCreated: (code: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const localized = useLocalized();
  const choices = useProjectChoices().data;
  const create = useCreateProject();
  const createIndicator = useCreateIndicator();
  const [failure, setFailure] = useState<string | null>(null);
  const writable = new Set(writableUnitCodes);
  const unitOptions = units.filter((unit) => writable.has(unit.code));
  const { min, max } = acceptedFiscalYears(currentFiscalYear);
  const years = Array.from({ length: max - min + 1 }, (_, i) => max - i);
  const form = useForm<z.input<typeof newProjectForm>, unknown, Values>({
    resolver: schemaResolver(newProjectForm),
    defaultValues: {
      project: {
        unitCode: writable.has(defaultUnit) ? defaultUnit : (unitOptions[0]?.code ?? ""),
        fiscalYear: currentFiscalYear,
        name: "",
        responsibleOfficer: "",
        responsibleOfficerPhone: "",
        rationale: "",
        objectives: "",
        targets: "",
        budgetAllocated: null,
        budgetSpent: null,
        plannedStart: null,
        plannedFinish: null,
        strategyCode: null,
        policyCodes: [],
      },
      indicators: [],
    },
  });
  const kpis = useFieldArray({ control: form.control, name: "indicators" });

  const save = form.handleSubmit(async ({ project, indicators }) => {
    setFailure(null);
    try {
      const created = await create.mutateAsync(project);
      for (const kpi of indicators) {
        await createIndicator.mutateAsync({
          ...kpi,
          unitCode: project.unitCode,
          fiscalYear: project.fiscalYear,
          projectCodes: [created.code],
        });
      }
      onCreated(created.code);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const named = error.fieldErrors.filter((e) => e.path.length > 0);
      for (const field of named) {
        form.setError(`project.${field.path}` as "project.name", {
          type: "server",
          message: encodeMessage(field.message),
        });
      }
      if (named.length === 0) setFailure(localized(error.localized));
    }
  });

  if (unitOptions.length === 0) return <p className="empty">{t("noWritableUnits")}</p>;
  return (
    <FormProvider {...form}>
      <form className="card form" aria-labelledby="new-project-title" onSubmit={save} noValidate>
        <h1 id="new-project-title">{t("newProject")}</h1>
        <p className="muted small">{t("requiredLegend")}</p>
        <div className="form-row two">
          <SelectField
            name="project.unitCode"
            label={t("unit")}
            idPrefix="new"
            required
            hint={t("onlyWritableUnits")}
            options={unitOptions.map((unit) => ({ value: unit.code, label: unit.name }))}
          />
          <Controller
            control={form.control}
            name="project.fiscalYear"
            render={({ field }) => (
              <FiscalYearSelect
                id="new-project-fiscalYear"
                className="form-row"
                value={field.value as number}
                only={years}
                onChange={(year) => field.onChange(Number(year))}
              />
            )}
          />
        </div>
        <TextField name="project.name" label={t("projectName")} idPrefix="new" required />
        <div className="form-row two">
          <TextField name="project.responsibleOfficer" label={t("responsibleOfficer")} idPrefix="new" />
          <TextField name="project.responsibleOfficerPhone" label={t("phone")} idPrefix="new" />
        </div>
        <div className="form-row two">
          <NumberField name="project.budgetAllocated" label={t("budgetAllocated")} idPrefix="new" min={0} emptyIsNull />
          <NumberField name="project.budgetSpent" label={t("budgetSpent")} idPrefix="new" min={0} emptyIsNull />
        </div>
        <div className="form-row two">
          <DateInputField name="project.plannedStart" label={t("projectStart")} idPrefix="new" />
          <DateInputField name="project.plannedFinish" label={t("plannedFinish")} idPrefix="new" />
        </div>
        <SelectField
          name="project.strategyCode"
          label={t("strategyGoal")}
          idPrefix="new"
          options={[
            { value: "", label: t("noStrategy") },
            ...(choices?.strategyGoals ?? []).map((goal) => ({ value: goal.code, label: `${goal.code} ${goal.path}` })),
          ]}
          nullWhenEmpty
        />
        <fieldset className="form-row">
          <legend>{t("policies")}</legend>
          <p className="muted small field-hint">{t("policiesHint")}</p>
          <div className="checkbox-list">
            {(choices?.policies ?? []).map((policy) => (
              <label key={policy.code}>
                <input type="checkbox" value={policy.code} {...form.register("project.policyCodes")} />
                {policy.code} {policy.name}
              </label>
            ))}
          </div>
        </fieldset>
        {LONG_TEXTS.map((name) => (
          <TextAreaField key={name} name={`project.${name}`} label={t(name)} idPrefix="new" />
        ))}
        <fieldset className="form-row">
          <legend>{t("kpisOfProject")}</legend>
          {kpis.fields.map((row, index) => (
            <div key={row.id} className="card kpi-row" data-testid="new-kpi">
              <div className="form-row two">
                <TextField name={`indicators.${index}.code`} label={t("kpiCode")} idPrefix={`kpi${index}`} required />
                <TextField
                  name={`indicators.${index}.measureUnit`}
                  label={t("measureUnit")}
                  idPrefix={`kpi${index}`}
                  required
                />
              </div>
              <TextField name={`indicators.${index}.name`} label={t("kpiName")} idPrefix={`kpi${index}`} required />
              <div className="form-row two">
                <NumberField
                  name={`indicators.${index}.target`}
                  label={t("target")}
                  idPrefix={`kpi${index}`}
                  required
                />
                <SelectField
                  name={`indicators.${index}.type`}
                  label={t("kpiType")}
                  idPrefix={`kpi${index}`}
                  options={INDICATOR_TYPES.map((type) => ({ value: type, label: t(`indicatorType_${type}`) }))}
                />
                <SelectField
                  name={`indicators.${index}.resultLevel`}
                  label={t("resultLevel")}
                  idPrefix={`kpi${index}`}
                  options={RESULT_LEVELS.map((level) => ({ value: level, label: t(`resultLevel_${level}`) }))}
                />
              </div>
              <button type="button" className="secondary" onClick={() => kpis.remove(index)}>
                {t("removeKpi")}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() =>
              kpis.append({ code: "", name: "", measureUnit: "", target: 0, type: "routine", resultLevel: "output" })
            }
          >
            {t("addKpi")}
          </button>
        </fieldset>
        {failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
        <div className="button-row">
          <button type="submit" disabled={form.formState.isSubmitting}>
            {t("create")}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
