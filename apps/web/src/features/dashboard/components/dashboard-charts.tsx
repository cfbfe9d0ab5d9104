import type { Dashboard } from "@cpm/schema";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../../lib/i18n";

const STATUS_COLOURS = {
  done: "#1c7a43",
  on_track: "#0b5a8a",
  behind: "#b3261e",
  not_started: "#9aa5b1",
  no_schedule: "#c9d1da",
};
const BUCKETS = ["0–25", "25–50", "50–75", "75–99", "100"];

/** Recharts is heavy: this module is loaded lazily, after the figures are on screen. */
export default function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useI18n();
  const distribution = dashboard.totals.progressDistribution.map((count, i) => ({ bucket: `${BUCKETS[i]} %`, count }));
  const byUnit = dashboard.units
    .filter((u) => u.projects > 0)
    .map((u) => ({ name: u.unitName.replace("สำนักงานเขต", "เขต"), ...u.byStatus }));
  return (
    <div className="charts">
      <figure className="chart wide">
        <figcaption>{t("progressDistribution")}</figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={distribution}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="bucket" />
            <YAxis allowDecimals={false} width={36} />
            <Tooltip />
            <Bar dataKey="count" name={t("navProjects")} fill="#0b5a8a" />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="chart wide">
        <figcaption>{t("statusByUnit")}</figcaption>
        <ResponsiveContainer width="100%" height={Math.max(240, byUnit.length * 26 + 60)}>
          <BarChart data={byUnit} layout="vertical" margin={{ left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={150} interval={0} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            {(Object.keys(STATUS_COLOURS) as (keyof typeof STATUS_COLOURS)[]).map((status) => (
              <Bar
                key={status}
                dataKey={status}
                stackId="s"
                name={t(`status_${status}`)}
                fill={STATUS_COLOURS[status]}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
