import { useState } from "react";
import { ApiError } from "../../../lib/api-client";
import { useI18n } from "../../../lib/i18n";
import { useExplainCheck, useProjectChecks } from "../api/project-checks";

const TEXT = {
  title: { th: "ข้อสังเกตจากการตรวจสอบข้อมูล", en: "Data checks" },
  explanation: { th: "คำชี้แจง", en: "Explanation" },
  explain: { th: "บันทึกคำชี้แจง", en: "Save the explanation" },
  by: { th: "โดย", en: "by" },
} as const;

/** The project's warnings with their reasons; the officers (when the API says they may edit) answer each. */
export function ProjectWarnings({ code, version, mayExplain }: { code: string; version: number; mayExplain: boolean }) {
  const { locale, date } = useI18n();
  const checks = useProjectChecks(code, version).data;
  const explain = useExplainCheck(code, version);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  if (!checks || checks.warnings.length === 0) return null;
  const error = explain.error instanceof ApiError ? explain.error.localized[locale] : explain.error?.message;
  return (
    <section aria-labelledby="warnings-title" data-testid="project-warnings" className="warnings">
      <h2 id="warnings-title">{TEXT.title[locale]}</h2>
      <ul>
        {checks.warnings.map((warning) => (
          <li key={warning.key} data-check={warning.code}>
            <p role="note">⚠ {warning.message[locale]}</p>
            {warning.explanation && (
              <p className="small">
                {TEXT.explanation[locale]}: “{warning.explanation.text}” · {TEXT.by[locale]} {warning.explanation.by}{" "}
                {date(warning.explanation.at)}
              </p>
            )}
            {mayExplain && (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  const text = drafts[warning.key] ?? "";
                  if (text.trim()) explain.mutate({ key: warning.key, text });
                }}
              >
                <label>
                  {TEXT.explanation[locale]}
                  <input
                    name={`explanation-${warning.key}`}
                    value={drafts[warning.key] ?? ""}
                    onChange={(event) => setDrafts({ ...drafts, [warning.key]: event.target.value })}
                  />
                </label>
                <button type="submit" disabled={explain.isPending}>
                  {TEXT.explain[locale]}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
