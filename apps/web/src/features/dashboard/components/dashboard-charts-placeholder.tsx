import type { Dashboard } from "@cpm/schema";
import { ChartFrame, ChartGrid } from "../../../components/ui/chart-frame";
import { useI18n } from "../../../lib/i18n";
import { PROGRESS_CHART_HEIGHT, statusChartHeight } from "../lib/chart-sizes";

/** The charts' frames at their final size while recharts loads: the units table below does not move. */
export function DashboardChartsPlaceholder({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useI18n();
  return (
    <ChartGrid>
      <ChartFrame caption={t("progressDistribution")} height={PROGRESS_CHART_HEIGHT} wide />
      <ChartFrame caption={t("statusByUnit")} height={statusChartHeight(dashboard)} wide />
    </ChartGrid>
  );
}
