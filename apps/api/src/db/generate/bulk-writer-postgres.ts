import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type BulkWriter, type OnRows, slices } from "./bulk-writer";
import { copyText, quoteIdent } from "./sql-encoding";
import { BULK_TABLE_NAMES, BULK_TABLES, type BulkTable, type Row, type RowBatch } from "./tables";

/** Rows encoded per piece of the COPY stream: small enough to interleave with generating the next batch. */
const PIECE_ROWS = 5_000;

/**
 * A PostgreSQL server: one `COPY … FROM STDIN` per table and batch, on a few connections of its
 * own, each taking whole batches (a batch's rows only name parents of the same batch or rows
 * written before it, so batches load side by side). Each COPY commits by itself; synchronous_commit
 * is off for these sessions only (a crash could lose the last batches, never corrupt the database:
 * the run is repeated with --replace anyway).
 *
 * Where the role may (a superuser, or one granted SET on it), the sessions also skip triggers, as
 * pg_dump's --disable-triggers does: the foreign-key checks, row by row, would double the load
 * time, and the generator writes parents before children with ids it assigned itself (the test
 * checks that no row is orphaned). Figures kept by triggers, if any, are rebuilt after the load.
 */
export async function openPostgresWriter(
  config: pg.ClientConfig,
  onRows: OnRows,
  connections = 2,
): Promise<BulkWriter> {
  const clients: pg.Client[] = [];
  const replicaRole: pg.Client[] = [];
  try {
    for (let i = 0; i < connections; i++) {
      const client = new pg.Client(config);
      clients.push(client);
      await client.connect();
      await client.query("SET synchronous_commit = off");
      const allowed = await client.query("SET session_replication_role = replica").then(
        () => true,
        () => false,
      );
      if (allowed) replicaRole.push(client);
    }
    // all sessions alike: where one may not, none skips the checks
    if (replicaRole.length < clients.length) {
      for (const client of replicaRole) await client.query("SET session_replication_role = DEFAULT");
    }
  } catch (error) {
    await Promise.all(clients.map((client) => client.end().catch(() => {})));
    throw error;
  }
  const triggersOff = replicaRole.length === clients.length;

  async function copyTable(client: pg.Client, table: BulkTable, rows: Row[]) {
    const columns = BULK_TABLES[table].map(quoteIdent).join(", ");
    const stream = client.query(copyFrom(`COPY ${quoteIdent(table)} (${columns}) FROM STDIN`));
    const pieces = function* () {
      for (const piece of slices(rows, PIECE_ROWS)) {
        yield copyText(piece);
        onRows(table, piece.length);
      }
    };
    await pipeline(Readable.from(pieces(), { objectMode: false }), stream);
  }

  const idle = [...clients];
  const waiting: ((client: pg.Client) => void)[] = [];
  const acquire = () =>
    new Promise<pg.Client>((resolve) => {
      const client = idle.pop();
      if (client) resolve(client);
      else waiting.push(resolve);
    });
  const release = (client: pg.Client) => {
    const next = waiting.shift();
    if (next) next(client);
    else idle.push(client);
  };

  return {
    method: `COPY FROM STDIN (PostgreSQL, ${connections} connections${triggersOff ? ", triggers and foreign-key checks off" : ""})`,
    parallel: connections,
    async write(batch: RowBatch) {
      const client = await acquire();
      try {
        for (const table of BULK_TABLE_NAMES) if (batch[table].length > 0) await copyTable(client, table, batch[table]);
      } finally {
        release(client);
      }
    },
    close: async () => void (await Promise.all(clients.map((client) => client.end()))),
  };
}
