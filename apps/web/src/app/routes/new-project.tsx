import { useState } from "react";
import { useNavigate } from "react-router";
import { FieldErrorText } from "../../components/ui/field-error";
import { UnitSelect } from "../../components/ui/unit-select";
import { useSession } from "../../features/auth/api/session";
import { useCreateProject } from "../../features/projects/api/project-writes";
import { EMPTY_PROJECT, ProjectFields, toInput } from "../../features/projects/components/project-form";
import { ApiError } from "../../lib/api-client";
import { useI18n, useLocalized } from "../../lib/i18n";
import { useFiscalYears } from "../../lib/reference-data";

export function NewProjectRoute() {
  const { t } = useI18n();
  const localized = useLocalized();
  const navigate = useNavigate();
  const session = useSession().data;
  const years = useFiscalYears().data;
  const create = useCreateProject();
  const [values, setValues] = useState(EMPTY_PROJECT);
  const [unitCode, setUnitCode] = useState(session?.user.unitCode ?? "");
  const [fiscalYear, setFiscalYear] = useState("");
  const year = fiscalYear || String(years?.current ?? "");
  const errors = create.error instanceof ApiError ? create.error.fieldErrors : [];
  return (
    <form
      className="card form"
      aria-labelledby="new-project-title"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { ...toInput(values), unitCode, fiscalYear: Number(year) },
          { onSuccess: (project) => navigate(`/projects/${project.code}?tab=edit`) },
        );
      }}
    >
      <h1 id="new-project-title">{t("newProject")}</h1>
      <div className="form-row two">
        <div>
          <label htmlFor="project-unit">{t("unit")}</label>
          <UnitSelect id="project-unit" value={unitCode} onChange={setUnitCode} required />
          <FieldErrorText errors={errors} path="unitCode" id="project-unitCode-error" />
        </div>
        <div>
          <label htmlFor="project-fiscal-year">{t("fiscalYear")}</label>
          <input
            id="project-fiscal-year"
            type="number"
            value={year}
            onChange={(e) => setFiscalYear(e.target.value)}
            required
          />
          <FieldErrorText errors={errors} path="fiscalYear" id="project-fiscalYear-error" />
        </div>
      </div>
      <ProjectFields initial={EMPTY_PROJECT} errors={errors} onChange={setValues} />
      {create.error instanceof ApiError && errors.length === 0 && (
        <p className="field-error" role="alert">
          {localized(create.error.localized)}
        </p>
      )}
      <button type="submit" disabled={create.isPending}>
        {t("create")}
      </button>
    </form>
  );
}
