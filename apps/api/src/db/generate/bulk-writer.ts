import type { BulkTable, RowBatch } from "./tables";

/** Loads generated rows into the database, table by table in load order. */
export interface BulkWriter {
  /** How the rows travel, for the summary ("COPY FROM STDIN", …). */
  method: string;
  /** How many batches it loads at once. */
  parallel: number;
  /** Write every table of the batch; resolves once the database holds them. */
  write(batch: RowBatch): Promise<void>;
  close(): Promise<void>;
}

/** Told after each piece of a table is written. */
export type OnRows = (table: BulkTable, rows: number) => void;

/** Slices of `rows` of at most `size`, for statements and COPY pieces of a bounded size. */
export function* slices<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
