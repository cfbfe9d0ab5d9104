import type { Dashboard } from "@cpm/schema";
import { Link } from "react-router";
import { useI18n } from "../../../lib/i18n";
import { type DrillDown, projectsLinkFor } from "../lib/drill-down";
import styles from "./totals-cards.module.css";

/**
 * The dashboard's totals. Counts of projects open the list of those projects, as of the same day;
 * budget spent is as of that day too, and says how many projects' spending has no date.
 */
export function TotalsCards({ dashboard, unitCode }: { dashboard: Dashboard; unitCode?: string }) {
  const { t, number, baht, millionBaht } = useI18n();
  const totals = dashboard.totals;
  // [label, figure, tone, exact figure, the projects it counts]
  const cards: [string, string, ("ok" | "bad" | "warn")?, string?, DrillDown?][] = [
    [t("navProjects"), number(totals.projects, 0), undefined, undefined, "all"],
    [t("averageProgress"), `${number(totals.averageProgress)} %`],
    [t("status_done"), number(totals.byStatus.done, 0), "ok", undefined, "done"],
    [t("status_behind"), number(totals.byStatus.behind, 0), "bad", undefined, "behind"],
    [t("status_late"), number(totals.byStatus.late, 0), "bad", undefined, "late"],
    [t("notReportedThisMonth"), number(totals.notReportedThisMonth, 0), "warn", undefined, "not_reported"],
    [t("kpiAchieved"), `${number(totals.indicatorsAchieved, 0)} / ${number(totals.indicators, 0)}`],
    [t("budgetAllocated"), millionBaht(totals.budgetAllocated), undefined, baht(totals.budgetAllocated)],
    [t("budgetSpent"), millionBaht(totals.budgetSpent), undefined, baht(totals.budgetSpent)],
    [t("disbursementRate"), totals.disbursementRate === null ? "–" : `${number(totals.disbursementRate)} %`],
  ];
  return (
    <>
      <dl className={styles.cards} data-testid="totals">
        {cards.map(([label, value, tone, exact, what]) => (
          <div key={label} className={tone ? `${styles.stat} ${styles[tone]}` : styles.stat}>
            <dt>{label}</dt>
            <dd title={exact}>
              {what ? (
                <Link to={projectsLinkFor(dashboard, unitCode, what)} aria-label={`${value} ${label}`}>
                  {value}
                </Link>
              ) : (
                value
              )}
            </dd>
          </div>
        ))}
      </dl>
      {totals.budgetSpentUndated > 0 && (
        <p className="muted small" data-testid="spent-undated">
          {t("spentUndatedNote").replace("{n}", number(totals.budgetSpentUndated, 0))}
        </p>
      )}
    </>
  );
}
