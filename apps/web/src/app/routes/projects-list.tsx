import { Link, useSearchParams } from "react-router";
import { QueryState } from "../../components/ui/query-state";
import { useSession } from "../../features/auth/api/session";
import { DownloadLinks } from "../../features/exports/components/download-links";
import { type ProjectListQuery, useProjects } from "../../features/projects/api/projects";
import { type FilterValues, ProjectFilters } from "../../features/projects/components/project-filters";
import { ProjectsTable } from "../../features/projects/components/projects-table";
import { useI18n } from "../../lib/i18n";
import { usePageTitle } from "../../lib/page-title";
import { useFiscalYears } from "../../lib/reference-data";

export function ProjectsListRoute() {
  const { t, date } = useI18n();
  usePageTitle(t("navProjects"));
  const [params, setParams] = useSearchParams();
  const current = useFiscalYears().data?.current;
  const fiscalYear = params.get("fiscalYear") ?? (current ? String(current) : "");
  const status = params.get("status") ?? "";
  const sort = params.get("sort") ?? "code";
  const order = params.get("order") === "desc" ? "desc" : "asc";
  const page = Number(params.get("page") ?? "1");
  // a dashboard's drill-down: the figures as of its day (a past quarter's end), not today's
  const asOf = params.get("asOf") ?? undefined;
  const filters = {
    fiscalYear: fiscalYear ? Number(fiscalYear) : undefined,
    unit: params.get("unit") ?? undefined,
    // the URL's words as they are: the API refuses a status or sort it does not know
    status: status && status !== "not_reported" ? (status as ProjectListQuery["status"]) : undefined,
    reportedThisMonth: status === "not_reported" ? "false" : undefined,
    q: params.get("q") ?? undefined,
    asOf,
    sort: sort as ProjectListQuery["sort"],
    order,
    page,
  } as const;
  const projects = useProjects(filters);
  const role = useSession().data?.user.role;

  const update = (next: Record<string, string>) => {
    const merged = new URLSearchParams(params);
    if (!merged.get("fiscalYear") && fiscalYear) merged.set("fiscalYear", fiscalYear);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    if (!("page" in next)) merged.delete("page");
    setParams(merged, { replace: true });
  };
  const values: FilterValues = { fiscalYear, unit: params.get("unit") ?? "", status, q: params.get("q") ?? "" };
  const data = projects.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <section>
      <div className="title-row">
        <h1>{t("navProjects")}</h1>
        {(role === "officer" || role === "admin") && (
          <Link className="button" to="/projects/new">
            {t("newProject")}
          </Link>
        )}
      </div>
      <ProjectFilters values={values} onChange={(next) => update(next as Record<string, string>)} />
      {asOf && (
        <p className="muted" data-testid="list-as-of">
          {t("listAsOf")} {date(asOf)}{" "}
          <button type="button" className="link" onClick={() => update({ asOf: "" })}>
            {t("listToday")}
          </button>
        </p>
      )}
      <QueryState isPending={projects.isPending} error={projects.error} retry={() => projects.refetch()}>
        {data && (
          <>
            <p className="muted" aria-live="polite">
              {data.total.toLocaleString()}
              {data.moreThanTotal ? "+" : ""} {t("projectsFound")}
            </p>
            <p className="muted">
              <DownloadLinks
                path="/api/v1/exports/projects"
                testId="projects-download"
                query={{
                  fiscalYear: filters.fiscalYear,
                  unit: filters.unit,
                  status: filters.status,
                  reportedThisMonth: filters.reportedThisMonth,
                  q: filters.q,
                  asOf,
                }}
              />
            </p>
            <ProjectsTable
              projects={data.items}
              sort={sort}
              order={order}
              onSort={(key) => update({ sort: key, order: sort === key && order === "asc" ? "desc" : "asc" })}
            />
            <nav className="pager" aria-label={t("pageOf")}>
              <button type="button" disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>
                {t("previous")}
              </button>
              <span>
                {t("pageOf")} {page} / {pages}
              </span>
              <button type="button" disabled={page >= pages} onClick={() => update({ page: String(page + 1) })}>
                {t("next")}
              </button>
            </nav>
          </>
        )}
      </QueryState>
    </section>
  );
}
