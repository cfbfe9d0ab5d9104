import type { ProjectDetail, ProjectPatch } from "@cpm/schema";
import { useState } from "react";
import { ApiError } from "../../../lib/api-client";
import { useI18n } from "../../../lib/i18n";
import { useUpdateProject } from "../api/project-writes";
import { ConflictNotice } from "./conflict-notice";
import { ProjectFields, toInput, valuesOf } from "./project-form";

/** Sends only the fields that changed, with the version the user read. */
export function ProjectEditForm({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t } = useI18n();
  const update = useUpdateProject(project.code);
  const [values, setValues] = useState(() => valuesOf(project));
  const errors = update.error instanceof ApiError ? update.error.fieldErrors : [];
  return (
    <form
      className="card form"
      aria-labelledby="project-edit-title"
      onSubmit={(e) => {
        e.preventDefault();
        const before = toInput(valuesOf(project));
        const after = toInput(values);
        const patch = Object.fromEntries(
          Object.entries(after).filter(([key, value]) => before[key as keyof typeof before] !== value),
        ) as ProjectPatch;
        update.mutate({ patch, version: project.version });
      }}
    >
      <h2 id="project-edit-title">{t("edit")}</h2>
      <ConflictNotice error={update.error} onReload={onReload} />
      <ProjectFields initial={valuesOf(project)} errors={errors} onChange={setValues} />
      <button type="submit" disabled={update.isPending}>
        {t("save")}
      </button>
      {update.isSuccess && (
        <span role="status" className="saved">
          {t("saved")}
        </span>
      )}
    </form>
  );
}
