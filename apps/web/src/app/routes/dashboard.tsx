import { lazy, Suspense } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { FiscalYearSelect, QuarterSelect } from "../../components/ui/fiscal-period-select";
import { QueryState } from "../../components/ui/query-state";
import { useDashboard } from "../../features/dashboard/api/dashboard";
import { DashboardChartsPlaceholder } from "../../features/dashboard/components/dashboard-charts-placeholder";
import { KpiStatusTable } from "../../features/dashboard/components/kpi-status-table";
import { TotalsCards } from "../../features/dashboard/components/totals-cards";
import { UnitsTable } from "../../features/dashboard/components/units-table";
import { projectsLinkFor } from "../../features/dashboard/lib/drill-down";
import { DownloadLinks } from "../../features/exports/components/download-links";
import { CheckCountsTable } from "../../features/monitoring/components/check-counts-table";
import { ReportingRatesTable } from "../../features/monitoring/components/reporting-rates-table";
import { useI18n } from "../../lib/i18n";
import { usePageTitle } from "../../lib/page-title";
import { useFiscalYears } from "../../lib/reference-data";
import { useUnitName } from "../../lib/unit-names";
import styles from "./dashboard.module.css";

const DashboardCharts = lazy(() => import("../../features/dashboard/components/dashboard-charts"));

/** The city's dashboard, or one unit's (`/dashboard/:unitCode`), for a fiscal year and optionally a quarter. */
export function DashboardRoute() {
  const { unitCode } = useParams();
  const { t, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const years = useFiscalYears().data;
  const fiscalYear = Number(params.get("fiscalYear") ?? years?.current ?? 0) || undefined;
  const quarter = Number(params.get("quarter") ?? 0) || undefined;
  const dashboard = useDashboard(unitCode, fiscalYear, quarter);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const data = dashboard.data;
  const unitName = useUnitName();
  const shownUnit = data ? unitName(data.unit.code, data.unit.name) : "";
  usePageTitle(t("navDashboard"), shownUnit || (unitCode ? undefined : t("city")));
  return (
    <section>
      <nav className={styles.breadcrumbs} aria-label="breadcrumbs">
        <Link to={`/dashboard?${params}`}>{t("city")}</Link>
        {unitCode && data && <span> › {shownUnit}</span>}
      </nav>
      <h1>
        {t("navDashboard")} {data ? `· ${shownUnit}` : ""}
      </h1>
      <div className="filters">
        <FiscalYearSelect id="dashboard-fiscal-year" value={fiscalYear} onChange={(year) => set("fiscalYear", year)} />
        <QuarterSelect id="dashboard-quarter" value={quarter} whole onChange={(q) => set("quarter", q)} />
        {/* there before the figures arrive, so that they do not push the page down */}
        <p className="muted small period" data-testid="period">
          {data ? `${date(data.periodStart)} – ${date(data.periodEnd)} · ${t("asOf")} ${date(data.asOf)}` : "\u00a0"}
        </p>
      </div>
      <QueryState isPending={dashboard.isPending} error={dashboard.error} retry={() => dashboard.refetch()}>
        {data && fiscalYear && (
          <>
            <TotalsCards dashboard={data} unitCode={unitCode} />
            <Suspense fallback={<DashboardChartsPlaceholder dashboard={data} />}>
              <DashboardCharts dashboard={data} />
            </Suspense>
            <h2>{t("units")}</h2>
            {data.units.length === 0 ? (
              <p className="empty">{t("empty")}</p>
            ) : (
              <UnitsTable rows={data.units} fiscalYear={fiscalYear} quarter={quarter} asOf={data.asOf} />
            )}
            <KpiStatusTable totals={data.totals} rows={data.units} />
            <ReportingRatesTable unitCode={unitCode} />
            <CheckCountsTable unitCode={unitCode} fiscalYear={fiscalYear} />
            <p>
              <Link to={projectsLinkFor(data, unitCode)}>{t("allProjectsLink")}</Link>
            </p>
            <p className="muted">
              <DownloadLinks
                path="/api/v1/exports/dashboard"
                testId="dashboard-download"
                query={{ fiscalYear, quarter, unit: unitCode }}
              />
            </p>
          </>
        )}
      </QueryState>
    </section>
  );
}
