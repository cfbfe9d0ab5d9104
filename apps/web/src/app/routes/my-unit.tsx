import { Link, Navigate } from "react-router";
import { QueryState } from "../../components/ui/query-state";
import { useSession } from "../../features/auth/api/session";
import { useProjects } from "../../features/projects/api/projects";
import { ProjectsTable } from "../../features/projects/components/projects-table";
import { useI18n } from "../../lib/i18n";
import { useFiscalYears } from "../../lib/reference-data";

const PAGE = 100;

/** An officer's start: their unit's projects of this fiscal year, those not yet reported this month first. */
export function MyUnitRoute() {
  const { t } = useI18n();
  const session = useSession();
  const fiscalYear = useFiscalYears().data?.current;
  const unit = session.data?.user.unitCode ?? undefined;
  const ready = !!unit && fiscalYear !== undefined;
  const base = { unit, fiscalYear, sort: "code", order: "asc", pageSize: PAGE } as const;
  const notReported = useProjects({ ...base, reportedThisMonth: "false" }, ready);
  const reported = useProjects({ ...base, reportedThisMonth: "true" }, ready);
  if (!session.isPending && !unit) return <Navigate to="/projects" replace />;
  const listLink = (status: string) => `/projects?fiscalYear=${fiscalYear ?? ""}&unit=${unit ?? ""}${status}`;
  return (
    <section>
      <div className="title-row">
        <h1>
          {t("myUnitTitle")} {session.data?.user.unitName ? `· ${session.data.user.unitName}` : ""}
        </h1>
        <Link className="button" to="/projects/new">
          {t("newProject")}
        </Link>
      </div>
      <p className="muted">
        {t("fiscalYear")} {fiscalYear}
      </p>
      <section aria-labelledby="not-reported-title" data-testid="not-reported">
        <h2 id="not-reported-title">
          {t("notReportedFirst")} {notReported.data ? `(${notReported.data.total})` : ""}
        </h2>
        <QueryState isPending={notReported.isPending} error={notReported.error} retry={() => notReported.refetch()}>
          {notReported.data &&
            (notReported.data.total === 0 ? (
              <p className="empty">{t("allReported")}</p>
            ) : (
              <>
                <ProjectsTable projects={notReported.data.items} sort="code" order="asc" onSort={() => {}} />
                {notReported.data.total > PAGE && (
                  <Link to={listLink("&status=not_reported")}>{t("allProjectsLink")}</Link>
                )}
              </>
            ))}
        </QueryState>
      </section>
      <section aria-labelledby="reported-title" data-testid="reported">
        <h2 id="reported-title">
          {t("reportedAlready")} {reported.data ? `(${reported.data.total})` : ""}
        </h2>
        <QueryState isPending={reported.isPending} error={reported.error} retry={() => reported.refetch()}>
          {reported.data &&
            (reported.data.total === 0 ? (
              <p className="empty">{t("empty")}</p>
            ) : (
              <>
                <ProjectsTable projects={reported.data.items} sort="code" order="asc" onSort={() => {}} />
                {reported.data.total > PAGE && <Link to={listLink("")}>{t("allProjectsLink")}</Link>}
              </>
            ))}
        </QueryState>
      </section>
    </section>
  );
}
