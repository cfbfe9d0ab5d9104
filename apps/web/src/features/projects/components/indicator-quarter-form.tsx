import type { IndicatorSummary } from "@cpm/schema";
import { useState } from "react";
import { FieldErrorText } from "../../../components/ui/field-error";
import { ApiError } from "../../../lib/api-client";
import { useI18n, useLocalized } from "../../../lib/i18n";
import { useSetIndicatorQuarter } from "../api/indicator-writes";
import { ConflictNotice } from "./conflict-notice";

/** Record a quarter: officers enter the result, evaluators the scores 2.1 / 2.2; the server checks who may change what. */
export function IndicatorQuarterForm({
  indicator,
  projectCode,
  onReload,
}: {
  indicator: IndicatorSummary;
  projectCode: string;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const localized = useLocalized();
  const setQuarter = useSetIndicatorQuarter(projectCode);
  const [quarter, setQuarterNo] = useState(1);
  const current = indicator.quarters.find((q) => q.quarter === quarter);
  const [value, setValue] = useState(current ? String(current.value) : "");
  const [score21, setScore21] = useState(current?.score21 == null ? "" : String(current.score21));
  const [score22, setScore22] = useState(current?.score22 == null ? "" : String(current.score22));
  const pick = (q: number) => {
    const row = indicator.quarters.find((r) => r.quarter === q);
    setQuarterNo(q);
    setValue(row ? String(row.value) : "");
    setScore21(row?.score21 == null ? "" : String(row.score21));
    setScore22(row?.score22 == null ? "" : String(row.score22));
  };
  const error = setQuarter.error instanceof ApiError ? setQuarter.error : null;
  const id = `kpi-${indicator.code}`;
  return (
    <form
      className="inline-form"
      aria-label={`${t("recordQuarter")} ${indicator.code}`}
      onSubmit={(e) => {
        e.preventDefault();
        setQuarter.mutate({
          code: indicator.code,
          quarter,
          version: indicator.version,
          input: {
            value: Number(value),
            score21: score21 === "" ? null : Number(score21),
            score22: score22 === "" ? null : Number(score22),
          },
        });
      }}
    >
      <ConflictNotice error={error} onReload={onReload} />
      <label>
        {t("quarter")}
        <select value={quarter} onChange={(e) => pick(Number(e.target.value))}>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("result")}
        <input type="number" step="0.01" min="0" value={value} onChange={(e) => setValue(e.target.value)} required />
        <FieldErrorText errors={error?.fieldErrors ?? []} path="value" id={`${id}-value-error`} />
      </label>
      <label>
        2.1
        <input
          type="number"
          step="0.01"
          min="0"
          max="100"
          value={score21}
          onChange={(e) => setScore21(e.target.value)}
        />
      </label>
      <label>
        2.2
        <input
          type="number"
          step="0.01"
          min="0"
          max="100"
          value={score22}
          onChange={(e) => setScore22(e.target.value)}
        />
      </label>
      <button type="submit" disabled={setQuarter.isPending}>
        {t("save")}
      </button>
      {error && error.status !== 412 && error.fieldErrors.length === 0 && (
        <p className="field-error" role="alert">
          {localized(error.localized)}
        </p>
      )}
    </form>
  );
}
