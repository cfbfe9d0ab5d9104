import { useMemo, useState } from "react";
import { useI18n } from "../../../lib/i18n";
import { useReportingRates } from "../api/reporting-rates";

const TEXT = {
  title: { th: "ความครบถ้วนและความทันเวลาของการรายงาน", en: "Reporting completeness and timeliness" },
  month: { th: "เดือน", en: "Month" },
  unit: { th: "หน่วยงาน", en: "Unit" },
  expected: { th: "โครงการที่ต้องรายงาน", en: "Expected" },
  completeness: { th: "ครบถ้วน (%)", en: "Completeness (%)" },
  timeliness: { th: "ทันเวลา (%)", en: "Timeliness (%)" },
  deadline: { th: "กำหนดส่ง", en: "Deadline" },
  total: { th: "ทั้งหมด", en: "All units" },
  trend: { th: "แนวโน้มรายเดือนของปีงบประมาณ", en: "Month by month this fiscal year" },
} as const;

type SortKey = "unitName" | "expected" | "completeness" | "timeliness";

/**
 * DHIS2-style reporting rates on the dashboard: a month to choose, a sortable row per unit, the
 * total, and the fiscal year's months.
 */
export function ReportingRatesTable({ unitCode }: { unitCode: string | undefined }) {
  const { locale, number, date } = useI18n();
  const [month, setMonth] = useState<string | undefined>(undefined);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "completeness", desc: false });
  const query = useReportingRates(unitCode, month);
  const data = query.data;
  const rows = useMemo(() => {
    const units = [...(data?.units ?? [])].filter((u) => u.expected > 0);
    const value = (row: (typeof units)[number]) => (sort.key === "unitName" ? row.unitName : (row[sort.key] ?? -1));
    units.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === "string" ? x.localeCompare(String(y), "th") : x - (y as number);
      return sort.desc ? -order : order;
    });
    return units;
  }, [data, sort]);
  if (!data) return null;
  const header = (key: SortKey) => (
    <th
      scope="col"
      className={key === "unitName" ? undefined : "num"}
      aria-sort={sort.key === key ? (sort.desc ? "descending" : "ascending") : "none"}
    >
      <button type="button" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : false })}>
        {TEXT[key === "unitName" ? "unit" : key][locale]}
      </button>
    </th>
  );
  const percent = (value: number | null) => (value === null ? "–" : number(value));
  return (
    <section aria-labelledby="reporting-rates-title" data-testid="reporting-rates">
      <h2 id="reporting-rates-title">{TEXT.title[locale]}</h2>
      <label>
        {TEXT.month[locale]}{" "}
        <select value={data.month} onChange={(event) => setMonth(event.target.value)} name="rates-month">
          {data.trend.map((t) => (
            <option key={t.month} value={t.month}>
              {t.month}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">
        {TEXT.deadline[locale]} {date(data.deadline)}
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              {header("unitName")}
              {header("expected")}
              {header("completeness")}
              {header("timeliness")}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.unitCode} data-unit={row.unitCode}>
                <th scope="row">{row.unitName}</th>
                <td className="num">{number(row.expected, 0)}</td>
                <td className="num" data-rate="completeness">
                  {percent(row.completeness)}
                </td>
                <td className="num" data-rate="timeliness">
                  {percent(row.timeliness)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-unit="total">
              <th scope="row">{TEXT.total[locale]}</th>
              <td className="num">{number(data.totals.expected, 0)}</td>
              <td className="num" data-rate="completeness">
                {percent(data.totals.completeness)}
              </td>
              <td className="num" data-rate="timeliness">
                {percent(data.totals.timeliness)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3>{TEXT.trend[locale]}</h3>
      <div className="table-wrap">
        <table data-testid="reporting-trend">
          <thead>
            <tr>
              <th scope="col">{TEXT.month[locale]}</th>
              <th scope="col" className="num">
                {TEXT.completeness[locale]}
              </th>
              <th scope="col" className="num">
                {TEXT.timeliness[locale]}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.trend.map((t) => (
              <tr key={t.month}>
                <th scope="row">{t.month}</th>
                <td className="num">{percent(t.completeness)}</td>
                <td className="num">{percent(t.timeliness)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
