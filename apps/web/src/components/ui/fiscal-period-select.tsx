import "../form/form.css";
import { useId } from "react";
import { useI18n } from "../../lib/i18n";
import { useFiscalYears } from "../../lib/reference-data";

const QUARTERS = [1, 2, 3, 4] as const;

/**
 * The fiscal year (ปีงบประมาณ, Buddhist era) as a labelled choice: the years that have data, newest
 * first, and any `extraYears` (or `only` these years, e.g. those a new project may be planned in).
 */
export function FiscalYearSelect({
  id,
  value,
  onChange,
  extraYears = [],
  only,
  className,
}: {
  id?: string;
  value: number | string | undefined;
  onChange: (year: string) => void;
  extraYears?: number[];
  only?: number[];
  className?: string;
}) {
  const { t } = useI18n();
  const fallbackId = useId();
  const selectId = id ?? fallbackId;
  const known = useFiscalYears().data?.items.map((item) => item.year) ?? [];
  const years = [...new Set(only ?? [...extraYears, ...known])].sort((a, b) => b - a);
  return (
    <div className={className ?? "period-select"}>
      <label htmlFor={selectId}>{t("fiscalYear")}</label>
      <select id={selectId} value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        {years.map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The quarter of the fiscal year (ไตรมาส 1–4: Oct–Dec, Jan–Mar, Apr–Jun, Jul–Sep); `whole` offers the whole year. */
export function QuarterSelect({
  id,
  value,
  onChange,
  whole,
  className,
}: {
  id?: string;
  value: number | string | undefined;
  onChange: (quarter: string) => void;
  whole?: boolean;
  className?: string;
}) {
  const { t } = useI18n();
  const fallbackId = useId();
  const selectId = id ?? fallbackId;
  return (
    <div className={className ?? "period-select"}>
      <label htmlFor={selectId}>{t("quarter")}</label>
      <select id={selectId} value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        {whole && <option value="">{t("wholeYear")}</option>}
        {QUARTERS.map((quarter) => (
          <option key={quarter} value={quarter}>
            {quarter}
          </option>
        ))}
      </select>
    </div>
  );
}
