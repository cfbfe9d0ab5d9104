import type { DashboardFigures } from "@cpm/schema";
import { useI18n } from "../../../lib/i18n";

export function TotalsCards({ totals }: { totals: DashboardFigures }) {
  const { t, number, baht, millionBaht } = useI18n();
  // [label, figure, tone, exact figure]
  const cards: [string, string, string?, string?][] = [
    [t("navProjects"), number(totals.projects, 0)],
    [t("averageProgress"), `${number(totals.averageProgress)} %`],
    [t("status_done"), number(totals.byStatus.done, 0), "ok"],
    [t("status_behind"), number(totals.byStatus.behind, 0), "bad"],
    [t("notReportedThisMonth"), number(totals.notReportedThisMonth, 0), "warn"],
    [t("kpiAchieved"), `${number(totals.indicatorsAchieved, 0)} / ${number(totals.indicators, 0)}`],
    [t("budgetAllocated"), millionBaht(totals.budgetAllocated), undefined, baht(totals.budgetAllocated)],
    [t("budgetSpent"), millionBaht(totals.budgetSpent), undefined, baht(totals.budgetSpent)],
    [t("disbursementRate"), totals.disbursementRate === null ? "–" : `${number(totals.disbursementRate)} %`],
  ];
  return (
    <dl className="cards" data-testid="totals">
      {cards.map(([label, value, tone, exact]) => (
        <div key={label} className={`stat ${tone ?? ""}`}>
          <dt>{label}</dt>
          <dd title={exact}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
