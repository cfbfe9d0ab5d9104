import type { FieldError, ProjectDetail } from "@cpm/schema";
import { useState } from "react";
import { DateField } from "../../../components/ui/date-field";
import { FieldErrorText, fieldErrorText } from "../../../components/ui/field-error";
import { useI18n, useLocalized } from "../../../lib/i18n";
import type { MessageKey } from "../../../lib/messages";

export interface ProjectFormValues {
  name: string;
  responsibleOfficer: string;
  budgetAllocated: string;
  budgetSpent: string;
  plannedStart: string;
  plannedFinish: string;
  rationale: string;
  objectives: string;
  targets: string;
}

export const EMPTY_PROJECT: ProjectFormValues = {
  name: "",
  responsibleOfficer: "",
  budgetAllocated: "",
  budgetSpent: "",
  plannedStart: "",
  plannedFinish: "",
  rationale: "",
  objectives: "",
  targets: "",
};

export const valuesOf = (p: ProjectDetail): ProjectFormValues => ({
  name: p.name,
  responsibleOfficer: p.responsibleOfficer,
  budgetAllocated: p.budgetAllocated === null ? "" : String(p.budgetAllocated),
  budgetSpent: p.budgetSpent === null ? "" : String(p.budgetSpent),
  plannedStart: p.plannedStart ?? "",
  plannedFinish: p.plannedFinish ?? "",
  rationale: p.rationale,
  objectives: p.objectives,
  targets: p.targets,
});

/** The API's shape of the form: empty money and dates become null; texts go as typed. */
export const toInput = (v: ProjectFormValues) => ({
  name: v.name,
  responsibleOfficer: v.responsibleOfficer,
  budgetAllocated: v.budgetAllocated === "" ? null : Number(v.budgetAllocated),
  budgetSpent: v.budgetSpent === "" ? null : Number(v.budgetSpent),
  plannedStart: v.plannedStart || null,
  plannedFinish: v.plannedFinish || null,
  rationale: v.rationale,
  objectives: v.objectives,
  targets: v.targets,
});

const FIELDS: { name: keyof ProjectFormValues; label: MessageKey; type?: string; long?: boolean }[] = [
  { name: "name", label: "projectName" },
  { name: "responsibleOfficer", label: "responsibleOfficer" },
  { name: "budgetAllocated", label: "budgetAllocated", type: "number" },
  { name: "budgetSpent", label: "budgetSpent", type: "number" },
  { name: "plannedStart", label: "projectStart", type: "date" },
  { name: "plannedFinish", label: "plannedFinish", type: "date" },
  { name: "rationale", label: "rationale", long: true },
  { name: "objectives", label: "objectives", long: true },
  { name: "targets", label: "targets", long: true },
];

/** The fields of a project, with the API's errors beside the fields they name. */
export function ProjectFields({
  initial,
  errors,
  onChange,
}: {
  initial: ProjectFormValues;
  errors: FieldError[];
  onChange: (values: ProjectFormValues) => void;
}) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [values, setValues] = useState(initial);
  const set = (name: keyof ProjectFormValues, value: string) => {
    const next = { ...values, [name]: value };
    setValues(next);
    onChange(next);
  };
  return (
    <>
      {FIELDS.map((field) => (
        <div className="form-row" key={field.name}>
          <label htmlFor={`project-${field.name}`}>{t(field.label)}</label>
          {field.long ? (
            <textarea
              id={`project-${field.name}`}
              rows={3}
              value={values[field.name]}
              onChange={(e) => set(field.name, e.target.value)}
              aria-describedby={`project-${field.name}-error`}
            />
          ) : field.type === "date" ? (
            <DateField
              id={`project-${field.name}`}
              value={values[field.name]}
              onChange={(value) => set(field.name, value)}
              error={fieldErrorText(errors, field.name, localized)}
            />
          ) : (
            <input
              id={`project-${field.name}`}
              type={field.type ?? "text"}
              step={field.type === "number" ? "0.01" : undefined}
              value={values[field.name]}
              onChange={(e) => set(field.name, e.target.value)}
              aria-describedby={`project-${field.name}-error`}
              required={field.name === "name"}
            />
          )}
          {field.type !== "date" && (
            <FieldErrorText errors={errors} path={field.name} id={`project-${field.name}-error`} />
          )}
        </div>
      ))}
    </>
  );
}
