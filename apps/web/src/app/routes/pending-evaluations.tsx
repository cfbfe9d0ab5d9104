import { Link, useSearchParams } from "react-router";
import { FiscalYearSelect, QuarterSelect } from "../../components/ui/fiscal-period-select";
import { QueryState } from "../../components/ui/query-state";
import { usePendingEvaluations } from "../../features/evaluations/api/pending-evaluations";
import { useI18n } from "../../lib/i18n";

/** An evaluator's start: the projects awaiting the evaluation office's score for a quarter, in the URL. */
export function PendingEvaluationsRoute() {
  const { t, date, number } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get("page") ?? "1") || 1;
  const pending = usePendingEvaluations({
    fiscalYear: params.get("fiscalYear") ?? undefined,
    quarter: params.get("quarter") ?? undefined,
    page,
    pageSize: 50,
  });
  const data = pending.data;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    if (key !== "page") next.delete("page");
    setParams(next, { replace: true });
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section>
      <h1>{t("pendingEvaluationsTitle")}</h1>
      <p className="muted">{t("pendingEvaluationsHint")}</p>
      <div className="filters">
        <FiscalYearSelect id="pending-fiscal-year" value={data?.fiscalYear} onChange={(y) => set("fiscalYear", y)} />
        <QuarterSelect id="pending-quarter" value={data?.quarter} onChange={(q) => set("quarter", q)} />
      </div>
      <QueryState isPending={pending.isPending} error={pending.error} retry={() => pending.refetch()}>
        {data &&
          (data.total === 0 ? (
            <p className="empty">{t("nothingPending")}</p>
          ) : (
            <>
              <p className="muted" aria-live="polite">
                {data.total.toLocaleString()} {t("projectsFound")}
              </p>
              <div className="table-wrap">
                <table data-testid="pending-evaluations">
                  <thead>
                    <tr>
                      <th scope="col">{t("code")}</th>
                      <th scope="col">{t("projectName")}</th>
                      <th scope="col">{t("unit")}</th>
                      <th scope="col" className="num">
                        {t("progress")}
                      </th>
                      <th scope="col">{t("lastReport")}</th>
                      <th scope="col">
                        <span className="sr-only">{t("scoreThis")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((project) => (
                      <tr key={project.code}>
                        <td className="nowrap">{project.code}</td>
                        <td>{project.name}</td>
                        <td>{project.unitName}</td>
                        <td className="num">{project.progress === null ? "–" : `${number(project.progress)} %`}</td>
                        <td className="nowrap">{date(project.lastReportDate)}</td>
                        <td>
                          <Link to={`/projects/${project.code}?evaluate=${data.quarter}#evaluation-form-title`}>
                            {t("scoreThis")}
                            <span className="sr-only"> {project.code}</span>
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {pages > 1 && (
                <nav className="pager" aria-label={t("pageOf")}>
                  <button type="button" disabled={page <= 1} onClick={() => set("page", String(page - 1))}>
                    {t("previous")}
                  </button>
                  <span>
                    {t("pageOf")} {page} / {pages}
                  </span>
                  <button type="button" disabled={page >= pages} onClick={() => set("page", String(page + 1))}>
                    {t("next")}
                  </button>
                </nav>
              )}
            </>
          ))}
      </QueryState>
    </section>
  );
}
