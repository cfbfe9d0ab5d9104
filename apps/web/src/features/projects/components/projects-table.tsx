import type { ProjectSummary } from "@cpm/schema";
import { Link } from "react-router";
import cardTable from "../../../components/ui/card-table.module.css";
import { ProgressBar } from "../../../components/ui/progress-bar";
import { StatusBadge } from "../../../components/ui/status-badge";
import { useI18n } from "../../../lib/i18n";
import type { MessageKey } from "../../../lib/messages";
import { useUnitName } from "../../../lib/unit-names";

const COLUMNS: { key: string; label: MessageKey; sortable: boolean }[] = [
  { key: "code", label: "code", sortable: true },
  { key: "name", label: "projectName", sortable: true },
  { key: "progress", label: "progress", sortable: true },
  { key: "status", label: "status", sortable: false },
  { key: "lastReportDate", label: "lastReport", sortable: true },
  { key: "budgetAllocated", label: "budgetAllocated", sortable: true },
];

export function ProjectsTable({
  projects,
  sort,
  order,
  onSort,
}: {
  projects: ProjectSummary[];
  sort: string;
  order: "asc" | "desc";
  onSort: (key: string) => void;
}) {
  const { t, date, baht } = useI18n();
  const unitName = useUnitName();
  if (projects.length === 0) return <p className="empty">{t("empty")}</p>;
  return (
    <div className="table-wrap">
      <table className={cardTable.table}>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={sort === column.key ? (order === "asc" ? "ascending" : "descending") : undefined}
              >
                {column.sortable ? (
                  <button type="button" className="sort" onClick={() => onSort(column.key)}>
                    {t(column.label)}
                    {sort === column.key ? (order === "asc" ? " ▲" : " ▼") : ""}
                  </button>
                ) : (
                  t(column.label)
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.code}>
              <td data-label={t("code")} className="nowrap">
                {p.code}
              </td>
              <td className={cardTable.title}>
                <Link to={`/projects/${p.code}`}>{p.name}</Link>
                <div className="muted">{unitName(p.unitCode, p.unitName)}</div>
              </td>
              <td data-label={t("progress")} className="progress-cell">
                <ProgressBar value={p.progress} planned={p.plannedProgress} label={`${t("progress")} ${p.code}`} />
              </td>
              <td data-label={t("status")}>
                <StatusBadge status={p.scheduleStatus} />
                {!p.reportedThisMonth && <div className="muted small">{t("notReportedThisMonth")}</div>}
              </td>
              <td data-label={t("lastReport")} className="nowrap">
                {date(p.lastReportDate)}
              </td>
              <td data-label={t("budgetAllocated")} className="num">
                {baht(p.budgetAllocated)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
