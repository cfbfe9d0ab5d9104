import { SCHEDULE_STATUSES } from "@cpm/schema/rules";
import { FiscalYearSelect } from "../../../components/ui/fiscal-period-select";
import { UnitSelect } from "../../../components/ui/unit-select";
import { useI18n } from "../../../lib/i18n";

export interface FilterValues {
  fiscalYear: string;
  unit: string;
  status: string;
  q: string;
}

/** Filters that live in the URL, so that a filtered list can be shared as a link. */
export function ProjectFilters({
  values,
  onChange,
}: {
  values: FilterValues;
  onChange: (next: Partial<FilterValues>) => void;
}) {
  const { t } = useI18n();
  return (
    <search>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <FiscalYearSelect
          id="filter-fiscal-year"
          value={values.fiscalYear}
          onChange={(fiscalYear) => onChange({ fiscalYear })}
        />
        <label htmlFor="filter-unit">
          {t("unit")}
          <UnitSelect
            id="filter-unit"
            value={values.unit}
            onChange={(unit) => onChange({ unit })}
            blank={t("allUnits")}
            departmentsAndDistrictsOnly
          />
        </label>
        <label>
          {t("status")}
          <select value={values.status} onChange={(e) => onChange({ status: e.target.value })}>
            <option value="">{t("allStatuses")}</option>
            {SCHEDULE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
            <option value="not_reported">{t("notReportedThisMonth")}</option>
          </select>
        </label>
        <label className="grow">
          {t("search")}
          <input type="search" value={values.q} onChange={(e) => onChange({ q: e.target.value })} />
        </label>
      </form>
    </search>
  );
}
