import type { Dashboard } from "@cpm/schema";
import { compareThai } from "@cpm/schema/rules";
import { useState } from "react";
import { Link } from "react-router";
import cardTable from "../../../components/ui/card-table.module.css";
import { ProgressBar } from "../../../components/ui/progress-bar";
import { useI18n } from "../../../lib/i18n";
import type { MessageKey } from "../../../lib/messages";
import { useUnitName } from "../../../lib/unit-names";
import { type DrillDown, projectsLinkFor } from "../lib/drill-down";

type Row = Dashboard["units"][number];
type SortKey =
  | "unitName"
  | "projects"
  | "averageProgress"
  | "done"
  | "behind"
  | "late"
  | "notReportedThisMonth"
  | "indicatorsAchieved"
  | "budgetAllocated"
  | "disbursementRate";

const COLUMNS: { key: SortKey; label: MessageKey }[] = [
  { key: "unitName", label: "unit" },
  { key: "projects", label: "navProjects" },
  { key: "averageProgress", label: "averageProgress" },
  { key: "done", label: "status_done" },
  { key: "behind", label: "status_behind" },
  { key: "late", label: "status_late" },
  { key: "notReportedThisMonth", label: "notReportedThisMonth" },
  { key: "indicatorsAchieved", label: "kpiAchieved" },
  { key: "budgetAllocated", label: "budgetAllocated" },
  { key: "disbursementRate", label: "disbursementRate" },
];

function sortValue(row: Row, key: SortKey): number | string {
  switch (key) {
    case "unitName":
      return row.unitName;
    case "done":
    case "behind":
    case "late":
      return row.byStatus[key];
    case "indicatorsAchieved":
      return row.indicators === 0 ? -1 : row.indicatorsAchieved / row.indicators;
    default:
      return row[key] ?? -1;
  }
}

/** Every unit with its figures, sortable, with bars; each row drills down to the unit's dashboard. */
export function UnitsTable({
  rows,
  fiscalYear,
  quarter,
  asOf,
}: {
  rows: Row[];
  fiscalYear: number;
  quarter?: number;
  /** the dashboard's day: the lists its figures open are as of it too */
  asOf: string;
}) {
  const list = (unitCode: string, what: DrillDown) => projectsLinkFor({ fiscalYear, asOf }, unitCode, what);
  const { t, number, millionBaht, baht } = useI18n();
  const unitName = useUnitName();
  // each cell's column on a phone, where the rows are cards
  const labelOf = (key: SortKey) => t(COLUMNS.find((c) => c.key === key)?.label ?? "unit");
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "unitName", desc: false });
  const sorted = [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    const order = typeof x === "string" && typeof y === "string" ? compareThai(x, y) : Number(x) - Number(y);
    return sort.desc ? -order : order;
  });
  const query = `fiscalYear=${fiscalYear}${quarter ? `&quarter=${quarter}` : ""}`;
  return (
    <div className="table-wrap">
      <table data-testid="units-table" className={cardTable.table}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort.key === c.key ? (sort.desc ? "descending" : "ascending") : undefined}
              >
                <button
                  type="button"
                  className="sort"
                  onClick={() => setSort({ key: c.key, desc: sort.key === c.key ? !sort.desc : c.key !== "unitName" })}
                >
                  {t(c.label)}
                  {sort.key === c.key ? (sort.desc ? " ▼" : " ▲") : ""}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const name = unitName(row.unitCode, row.unitName);
            return (
              <tr key={row.unitCode}>
                <td className={cardTable.title}>
                  <Link to={`/dashboard/${row.unitCode}?${query}`}>{name}</Link>
                </td>
                <td data-label={labelOf("projects")} className="num">
                  <Link to={list(row.unitCode, "all")}>{number(row.projects, 0)}</Link>
                </td>
                <td data-label={labelOf("averageProgress")} className="progress-cell">
                  <ProgressBar value={row.averageProgress} label={`${t("averageProgress")} ${name}`} />
                </td>
                <td data-label={labelOf("done")} className="num">
                  <Link to={list(row.unitCode, "done")}>{number(row.byStatus.done, 0)}</Link>
                </td>
                <td data-label={labelOf("behind")} className="num">
                  <Link to={list(row.unitCode, "behind")}>{number(row.byStatus.behind, 0)}</Link>
                </td>
                <td data-label={labelOf("late")} className="num">
                  <Link to={list(row.unitCode, "late")}>{number(row.byStatus.late, 0)}</Link>
                </td>
                <td data-label={labelOf("notReportedThisMonth")} className="num">
                  <Link to={list(row.unitCode, "not_reported")}>{number(row.notReportedThisMonth, 0)}</Link>
                </td>
                <td data-label={labelOf("indicatorsAchieved")} className="num nowrap">
                  {number(row.indicatorsAchieved, 0)} / {number(row.indicators, 0)}
                </td>
                <td data-label={labelOf("budgetAllocated")} className="num nowrap" title={baht(row.budgetAllocated)}>
                  {millionBaht(row.budgetAllocated)}
                </td>
                <td data-label={labelOf("disbursementRate")} className="progress-cell">
                  <ProgressBar value={row.disbursementRate} label={`${t("disbursementRate")} ${name}`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
