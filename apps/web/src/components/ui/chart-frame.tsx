import type { ReactNode } from "react";

/**
 * A chart's figure: its caption and a body of a fixed height. Charts load lazily (recharts is
 * heavy), so the placeholder shown meanwhile is this same frame without the chart: both take the
 * same room and nothing below moves when the chart arrives (no layout shift).
 */
export function ChartFrame({
  caption,
  height,
  wide = false,
  testId,
  children,
}: {
  caption: string;
  height: number;
  wide?: boolean;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <figure className={wide ? "chart wide" : "chart"} data-testid={testId}>
      <figcaption>{caption}</figcaption>
      <div className="chart-body" style={{ height }} aria-busy={children ? undefined : true}>
        {children}
      </div>
    </figure>
  );
}
