import type { ReactNode } from "react";
import styles from "./chart-frame.module.css";

/** Charts side by side where there is room, one under the other on a phone. */
export const ChartGrid = ({ children }: { children: ReactNode }) => <div className={styles.grid}>{children}</div>;

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
    <figure className={wide ? `${styles.chart} ${styles.wide}` : styles.chart} data-testid={testId}>
      <figcaption>{caption}</figcaption>
      <div style={{ height }} aria-busy={children ? undefined : true}>
        {children}
      </div>
    </figure>
  );
}
