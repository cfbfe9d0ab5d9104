import type { BulkTable } from "./tables";

const count = (n: number) => Math.round(n).toLocaleString("en-US");

/** Rows written so far, per table and in all, with rates: a line on the log every few seconds. */
export class ProgressMeter {
  readonly rows = new Map<BulkTable, number>();
  private started = performance.now();
  private lastLine = this.started;

  constructor(
    private readonly log: (line: string) => void,
    private readonly everyMs = 2_000,
  ) {}

  /** Rates count from here. */
  begin(): void {
    this.started = performance.now();
    this.lastLine = this.started;
  }

  add(table: BulkTable, rows: number): void {
    this.rows.set(table, (this.rows.get(table) ?? 0) + rows);
    const now = performance.now();
    if (now - this.lastLine >= this.everyMs) {
      this.lastLine = now;
      this.log(this.line(table, now));
    }
  }

  get total(): number {
    let sum = 0;
    for (const rows of this.rows.values()) sum += rows;
    return sum;
  }

  get seconds(): number {
    return (performance.now() - this.started) / 1_000;
  }

  private line(table: BulkTable, now: number): string {
    const seconds = (now - this.started) / 1_000;
    const tableRows = this.rows.get(table) ?? 0;
    return `  ${seconds.toFixed(0).padStart(4)} s  ${table}: ${count(tableRows)} rows, ${count(tableRows / seconds)} rows/s · all tables: ${count(this.total)} rows, ${count(this.total / seconds)} rows/s`;
  }
}
