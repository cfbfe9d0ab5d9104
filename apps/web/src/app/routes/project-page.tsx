import "@mantine/core/styles/Tabs.css";
import "@mantine/core/styles/UnstyledButton.css";
import { Tabs } from "@mantine/core";
import { FileText, History, Pencil, Printer } from "lucide-react";
import { Link, useParams, useSearchParams } from "react-router";
import { QueryState } from "../../components/ui/query-state";
import { useSession } from "../../features/auth/api/session";
import { ImportFlags } from "../../features/imports/components/import-flags";
import { useProjectActions } from "../../features/monitoring/api/project-actions";
import { PlanBaseline } from "../../features/monitoring/components/plan-baseline";
import { ProjectMonthCycle } from "../../features/monitoring/components/project-month-cycle";
import { ProjectWarnings } from "../../features/monitoring/components/project-warnings";
import { useProjectHistory } from "../../features/projects/api/history";
import { useProject } from "../../features/projects/api/projects";
import { EvaluationForm } from "../../features/projects/components/evaluation-form";
import { EvaluationsTable } from "../../features/projects/components/evaluations-table";
import { HistoryTable } from "../../features/projects/components/history-table";
import { IndicatorsTable } from "../../features/projects/components/indicators-table";
import { PlanEditor } from "../../features/projects/components/plan-editor";
import { PlanSteps } from "../../features/projects/components/plan-steps";
import { ProjectAbout } from "../../features/projects/components/project-about";
import { ProjectEditForm } from "../../features/projects/components/project-edit-form";
import { ProjectHeader } from "../../features/projects/components/project-header";
import { ReportForm } from "../../features/projects/components/report-form";
import { ReportsList } from "../../features/projects/components/reports-list";
import { useI18n } from "../../lib/i18n";
import { usePageTitle } from "../../lib/page-title";
import styles from "./project-page.module.css";

type Tab = "details" | "edit" | "history";

const TAB_ICONS = { details: FileText, edit: Pencil, history: History } as const;
const TabIcon = ({ tab }: { tab: Tab }) => {
  const Icon = TAB_ICONS[tab];
  return <Icon size={16} aria-hidden />;
};

export function ProjectPageRoute() {
  const { code = "" } = useParams();
  const { t } = useI18n();
  const project = useProject(code);
  usePageTitle(project.data?.name ?? code);
  const session = useSession().data;
  const [params, setParams] = useSearchParams();
  // the API says what this user may do with the project this month; the page shows exactly that
  const viewer = session?.user.username ?? "anonymous";
  const actions = useProjectActions(code, viewer).data;
  const canWrite = actions?.mayEdit ?? false;
  const tabs: Tab[] = ["details", ...(canWrite ? (["edit"] as const) : []), ...(session ? (["history"] as const) : [])];
  const requested = params.get("tab") as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : "details";
  const setTab = (next: Tab) => setParams(next === "details" ? {} : { tab: next }, { replace: true });
  const history = useProjectHistory(code, tab === "history" && !!session);
  const reload = () => void project.refetch();

  return (
    <QueryState isPending={project.isPending} error={project.error} retry={() => project.refetch()}>
      {project.data && (
        <article className="project">
          <ProjectHeader project={project.data} />
          <ImportFlags code={project.data.code} version={project.data.version} />
          <Tabs
            value={tab}
            onChange={(next) => setTab((next as Tab | null) ?? "details")}
            keepMounted={false}
            classNames={{ list: styles.list, tab: styles.tab }}
          >
            <div className={styles.tabs}>
              <Tabs.List aria-label={project.data.name}>
                {tabs.map((name) => (
                  <Tabs.Tab key={name} value={name} leftSection={<TabIcon tab={name} />}>
                    {t(name)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Link className={styles.printLink} to={`/projects/${project.data.code}/print`}>
                <Printer size={16} aria-hidden /> {t("printView")}
              </Link>
            </div>
            <Tabs.Panel value="details" className="project-body">
              <ProjectMonthCycle projectCode={project.data.code} unitCode={project.data.unitCode} viewer={viewer} />
              {actions?.mayReport && <ReportForm project={project.data} onReload={reload} />}
              {actions?.mayEvaluate && <EvaluationForm project={project.data} onReload={reload} />}
              <ProjectAbout project={project.data} />
              <PlanSteps project={project.data} />
              <PlanBaseline projectCode={project.data.code} version={project.data.version} />
              <ProjectWarnings code={project.data.code} version={project.data.version} mayExplain={canWrite} />
              <ReportsList
                reports={project.data.reports}
                project={canWrite ? project.data : undefined}
                onReload={reload}
              />
              <EvaluationsTable evaluations={project.data.evaluations} />
              <IndicatorsTable
                indicators={project.data.indicators}
                projectCode={project.data.code}
                editable={canWrite || (actions?.mayEvaluate ?? false)}
                onReload={reload}
              />
            </Tabs.Panel>
            {canWrite && (
              <Tabs.Panel value="edit">
                <PlanEditor key={`plan-${project.data.version}`} project={project.data} onReload={reload} />
                <ProjectEditForm key={`fields-${project.data.version}`} project={project.data} onReload={reload} />
              </Tabs.Panel>
            )}
            {session && (
              <Tabs.Panel value="history">
                <QueryState isPending={history.isPending} error={history.error} retry={() => history.refetch()}>
                  <HistoryTable events={history.data?.items ?? []} />
                </QueryState>
              </Tabs.Panel>
            )}
          </Tabs>
        </article>
      )}
    </QueryState>
  );
}
