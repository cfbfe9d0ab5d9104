import type { ProjectDetail } from "@cpm/schema";
import { addDays, dayNumber, fiscalYearSpan, fromDayNumber, plannedCompletion } from "@cpm/schema/rules";
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "../../../components/ui/chart-frame";
import { useI18n } from "../../../lib/i18n";
import { PLAN_CHART_HEIGHT } from "../lib/chart-sizes";
import { reportedByDay } from "../lib/reported-by-day";

const legendText = (value: string) => <span style={{ color: "var(--ink)" }}>{value}</span>;

/** Planned completion over the fiscal year (from the step schedule) against the reported percents. Lazy: recharts is heavy. */
export default function PlanChart({ project }: { project: ProjectDetail }) {
  const { t, date } = useI18n();
  const span = fiscalYearSpan(project.fiscalYear);
  const start = dayNumber(span.start);
  const end = dayNumber(span.end);
  // one series of points: every week and every report day, with the plan's curve and the reported percents
  const days = new Set<number>([end]);
  for (let day = start; day <= end; day += 7) days.add(day);
  const reported = reportedByDay(project.reports);
  for (const day of reported.keys()) days.add(day);
  const points = [...days]
    .sort((a, b) => a - b)
    .map((day) => ({
      day,
      planned: plannedCompletion(project.steps, fromDayNumber(day)),
      reported: reported.get(day),
    }));
  const ticks = [0, 1, 2, 3, 4].map((q) => dayNumber(addDays(span.start, Math.round(q * 91.25))));
  return (
    <ChartFrame caption={t("planVsActual")} height={PLAN_CHART_HEIGHT} testId="plan-chart">
      <ResponsiveContainer width="100%" height="100%">
        {/* room above the top tick, so that "100 %" is not cut in half */}
        <ComposedChart data={points} margin={{ top: 12, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="day"
            domain={[start, end]}
            ticks={ticks}
            tickFormatter={(day: number) => date(fromDayNumber(day))}
            tick={{ fontSize: 11 }}
          />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(value: number) => `${value} %`}
            width={52}
          />
          <Tooltip labelFormatter={(day) => date(fromDayNumber(Number(day)))} />
          <Legend formatter={legendText} />
          <Line
            dataKey="planned"
            name={t("planned")}
            stroke="#a86a00"
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Scatter dataKey="reported" name={t("reports")} fill="#0b5a8a" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
