import type { Dashboard } from "@cpm/schema";
import { KPI_STATUSES } from "@cpm/schema/rules";
import { KPI_STATUS_TEXT } from "../../../components/ui/kpi-status-badge";
import { useI18n } from "../../../lib/i18n";

const SHOW = { th: "แสดงรายหน่วยงาน", en: "Show by unit" } as const;
const TITLE = { th: "สถานะตัวชี้วัดตามหน่วยงาน", en: "KPI status by unit" } as const;
const UNIT = { th: "หน่วยงาน", en: "Unit" } as const;
const TOTAL = { th: "รวม", en: "Total" } as const;

type Row = Pick<Dashboard["totals"], "indicators" | "indicatorStatus">;

/** The KPIs of each unit row by the shared rule's status (achieved / on track / at risk / missed / no result yet). */
export function KpiStatusTable({ totals, rows }: { totals: Row; rows: Dashboard["units"] }) {
  const { locale, number } = useI18n();
  if (totals.indicators === 0) return null;
  const unjudged = (row: Row) => row.indicators - KPI_STATUSES.reduce((sum, s) => sum + row.indicatorStatus[s], 0);
  const cells = (row: Row) => (
    <>
      {KPI_STATUSES.map((status) => (
        <td key={status} className="num" data-kpi-status={status}>
          {number(row.indicatorStatus[status], 0)}
        </td>
      ))}
      <td className="num">{number(unjudged(row), 0)}</td>
    </>
  );
  return (
    <section aria-labelledby="kpi-status-title" data-testid="kpi-status-table">
      <h2 id="kpi-status-title">{TITLE[locale]}</h2>
      <details>
        <summary>{SHOW[locale]}</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{UNIT[locale]}</th>
                {[...KPI_STATUSES, "unjudged" as const].map((status) => (
                  <th key={status} scope="col" className="num">
                    {KPI_STATUS_TEXT[status][locale]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows
                .filter((row) => row.indicators > 0)
                .map((row) => (
                  <tr key={row.unitCode} data-unit={row.unitCode}>
                    <th scope="row">{row.unitName}</th>
                    {cells(row)}
                  </tr>
                ))}
            </tbody>
            <tfoot>
              <tr data-unit="total">
                <th scope="row">{TOTAL[locale]}</th>
                {cells(totals)}
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </section>
  );
}
