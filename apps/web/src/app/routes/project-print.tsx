import { Link, useParams } from "react-router";
import { QueryState } from "../../components/ui/query-state";
import { useProject } from "../../features/projects/api/projects";
import { EvaluationsTable } from "../../features/projects/components/evaluations-table";
import { IndicatorsTable } from "../../features/projects/components/indicators-table";
import { PlanSteps } from "../../features/projects/components/plan-steps";
import { PageNumbers, PrintHeading, PrintSignatures } from "../../features/projects/components/print-sheet";
import { ProjectAbout } from "../../features/projects/components/project-about";
import { ProjectHeader } from "../../features/projects/components/project-header";
import { ReportsList } from "../../features/projects/components/reports-list";
import { useI18n } from "../../lib/i18n";
import { usePageTitle } from "../../lib/page-title";
import styles from "./project-print.module.css";

/** The whole project on A4 pages (พิมพ์ข้อมูล): no navigation, no forms, rows never cut by a page break. */
export function ProjectPrintRoute() {
  const { code = "" } = useParams();
  const { t } = useI18n();
  const project = useProject(code);
  usePageTitle(project.data ? `${t("printView")} ${project.data.code} ${project.data.name}` : code);
  return (
    <main id="main" className={styles.sheet}>
      <div className={styles.toolbar}>
        <Link to={`/projects/${code}`}>← {t("backToProject")}</Link>
        <button type="button" onClick={() => window.print()}>
          {t("print")}
        </button>
      </div>
      <QueryState isPending={project.isPending} error={project.error} retry={() => project.refetch()}>
        {project.data && (
          <article className="project" data-testid="print-view">
            <PageNumbers />
            <PrintHeading project={project.data} />
            <ProjectHeader project={project.data} />
            <ProjectAbout project={project.data} />
            <PlanSteps project={project.data} />
            <ReportsList reports={project.data.reports} />
            <EvaluationsTable evaluations={project.data.evaluations} />
            <IndicatorsTable
              indicators={project.data.indicators}
              projectCode={project.data.code}
              editable={false}
              onReload={() => undefined}
            />
            <PrintSignatures project={project.data} />
          </article>
        )}
      </QueryState>
    </main>
  );
}
