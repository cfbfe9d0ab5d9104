import { CHECK_CODES } from "@cpm/schema/rules";
import { useI18n } from "../../../lib/i18n";
import { useCheckCounts } from "../api/project-checks";

const SHOW = { th: "แสดงรายหน่วยงาน", en: "Show by unit" } as const;

const TEXT = {
  title: { th: "ข้อสังเกตจากการตรวจสอบข้อมูล ตามหน่วยงาน", en: "Data check warnings by unit" },
  unit: { th: "หน่วยงาน", en: "Unit" },
  withWarnings: { th: "โครงการที่มีข้อสังเกต", en: "Projects with warnings" },
  percentDropped: { th: "ร้อยละลดลง", en: "Percent dropped" },
  doneWithOpenSteps: { th: "100% แต่ขั้นตอนไม่ครบ", en: "100 % with open steps" },
  missingMonthlyReport: { th: "ขาดรายงานประจำเดือน", en: "Missing monthly report" },
  overspent: { th: "ใช้งบเกิน", en: "Overspent" },
  total: { th: "ทั้งหมด", en: "All units" },
} as const;

/** The count of projects with each kind of warning in each unit's row. */
export function CheckCountsTable({ unitCode, fiscalYear }: { unitCode: string | undefined; fiscalYear: number }) {
  const { locale, number } = useI18n();
  const data = useCheckCounts(unitCode, fiscalYear).data;
  if (!data || data.totals.withWarnings === 0) return null;
  const cells = (row: typeof data.totals) => (
    <>
      <td className="num">{number(row.withWarnings, 0)}</td>
      {CHECK_CODES.map((code) => (
        <td key={code} className="num" data-check={code}>
          {number(row[code], 0)}
        </td>
      ))}
    </>
  );
  return (
    <section aria-labelledby="check-counts-title" data-testid="check-counts">
      <h2 id="check-counts-title">{TEXT.title[locale]}</h2>
      <details>
        <summary>{SHOW[locale]}</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{TEXT.unit[locale]}</th>
                <th scope="col" className="num">
                  {TEXT.withWarnings[locale]}
                </th>
                {CHECK_CODES.map((code) => (
                  <th key={code} scope="col" className="num">
                    {TEXT[code][locale]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.units
                .filter((row) => row.withWarnings > 0)
                .map((row) => (
                  <tr key={row.unitCode} data-unit={row.unitCode}>
                    <th scope="row">{row.unitName}</th>
                    {cells(row)}
                  </tr>
                ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{TEXT.total[locale]}</th>
                {cells(data.totals)}
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </section>
  );
}
