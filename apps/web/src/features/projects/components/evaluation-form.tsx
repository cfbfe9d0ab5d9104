import type { ProjectDetail } from "@cpm/schema";
import { useState } from "react";
import { FieldErrorText } from "../../../components/ui/field-error";
import { ApiError } from "../../../lib/api-client";
import { useI18n } from "../../../lib/i18n";
import { useSetEvaluation } from "../api/project-writes";
import { ConflictNotice } from "./conflict-notice";

/** สยป.: the evaluator's score of the project for one quarter. */
export function EvaluationForm({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t } = useI18n();
  const setEvaluation = useSetEvaluation(project.code);
  const [quarter, setQuarter] = useState("1");
  const [score, setScore] = useState("");
  const errors = setEvaluation.error instanceof ApiError ? setEvaluation.error.fieldErrors : [];
  return (
    <form
      className="card form"
      aria-labelledby="evaluation-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        setEvaluation.mutate({
          quarter: Number(quarter),
          input: { score: Number(score), note: "" },
          version: project.version,
        });
      }}
    >
      <h2 id="evaluation-form-title">{t("setEvaluation")}</h2>
      <ConflictNotice error={setEvaluation.error} onReload={onReload} />
      <div className="form-row two">
        <div>
          <label htmlFor="evaluation-quarter">{t("quarter")}</label>
          <select id="evaluation-quarter" value={quarter} onChange={(e) => setQuarter(e.target.value)}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="evaluation-score">{t("score")}</label>
          <input
            id="evaluation-score"
            type="number"
            min="0"
            max="100"
            step="0.01"
            value={score}
            onChange={(e) => setScore(e.target.value)}
            aria-describedby="evaluation-score-error"
            required
          />
          <FieldErrorText errors={errors} path="score" id="evaluation-score-error" />
        </div>
      </div>
      <button type="submit" disabled={setEvaluation.isPending}>
        {t("save")}
      </button>
    </form>
  );
}
