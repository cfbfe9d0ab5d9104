import type { Dashboard } from "@cpm/schema";
import { useNavigate } from "react-router";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, ChartGrid } from "../../../components/ui/chart-frame";
import { useI18n } from "../../../lib/i18n";
import { useUnitName } from "../../../lib/unit-names";
import { chartedUnits, PROGRESS_CHART_HEIGHT, statusChartHeight } from "../lib/chart-sizes";
import { projectsLinkFor } from "../lib/drill-down";

/** Each at least 3:1 against the white card (WCAG non-text contrast); the legend's words are in the text colour. */
const STATUS_COLOURS = {
  done: "#1c7a43",
  on_track: "#0b5a8a",
  behind: "#b3261e",
  late: "#7a3b00",
  not_started: "#5b6776",
  no_schedule: "#9a6bb0",
};
const legendText = (value: string) => <span style={{ color: "var(--ink)" }}>{value}</span>;
const BUCKETS = ["0–25", "25–50", "50–75", "75–99", "100"];

/** Recharts is heavy: this module is loaded lazily, after the figures are on screen. */
export default function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const distribution = dashboard.totals.progressDistribution.map((count, i) => ({ bucket: `${BUCKETS[i]} %`, count }));
  const byUnit = chartedUnits(dashboard).map((u) => ({
    name: unitName(u.unitCode, u.unitName)
      .replace("สำนักงานเขต", "เขต")
      .replace(/ District Office$/, ""),
    unitCode: u.unitCode,
    ...u.byStatus,
  }));
  return (
    <ChartGrid>
      <ChartFrame caption={t("progressDistribution")} height={PROGRESS_CHART_HEIGHT} wide>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={distribution}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            {/* every bucket labelled, even on a phone */}
            <XAxis dataKey="bucket" interval={0} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} width={36} />
            <Tooltip />
            <Bar dataKey="count" name={t("navProjects")} fill="#0b5a8a" />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartFrame caption={t("statusByUnit")} height={statusChartHeight(dashboard)} wide>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={byUnit} layout="vertical" margin={{ left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={150} interval={0} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend formatter={legendText} />
            {(Object.keys(STATUS_COLOURS) as (keyof typeof STATUS_COLOURS)[]).map((status) => (
              <Bar
                key={status}
                dataKey={status}
                stackId="s"
                name={t(`status_${status}`)}
                fill={STATUS_COLOURS[status]}
                cursor="pointer"
                // a bar opens the list of the unit's projects with that status, as of the dashboard's day
                onClick={(bar) => navigate(projectsLinkFor(dashboard, bar.payload?.unitCode, status))}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
    </ChartGrid>
  );
}
