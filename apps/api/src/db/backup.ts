import { existsSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";

/**
 * Backups of the embedded database as plain SQL from pg_dump (PGlite's own build of it, run in
 * WebAssembly): psql restores them into a PostgreSQL server, and `pnpm db:restore` into a fresh
 * embedded data directory.
 *
 * Safe while the server runs: the dump is taken from a clone of the database, copied while no
 * statement runs (PGlite's query lock); a transaction open at that moment is not committed in the
 * copy, so the copy holds exactly the committed data, as after a crash. The running server is asked
 * for it over a unix socket in its data directory (`admin.sock`): whoever may read the data
 * directory may take a backup, no one else.
 */

/** PostgreSQL settings that pg_dump 18 writes and older servers (15, 16) refuse: left out of the dump. */
const NEWER_SETTINGS = /^SET transaction_timeout = 0;\n/m;

export async function dumpPglite(pglite: PGlite): Promise<string> {
  const copy = (await pglite.clone()) as PGlite;
  try {
    const file = await pgDump({ pg: copy, args: ["--no-owner", "--no-privileges"] });
    return (await file.text()).replace(NEWER_SETTINGS, "");
  } finally {
    await copy.close();
  }
}

/** The socket over which the server holding a data directory answers backup requests. */
export const backupSocketOf = (dataDir: string) => path.join(dataDir, "admin.sock");

/** Serve `GET /backup` on the data directory's socket, for `pnpm db:backup` while the server runs. */
export async function serveBackups(dataDir: string, dump: () => Promise<string>): Promise<() => Promise<void>> {
  const socket = backupSocketOf(dataDir);
  rmSync(socket, { force: true }); // left by a process that died: we hold the data directory's lock
  const server = http.createServer((request, response) => {
    if (request.method !== "GET" || request.url !== "/backup") {
      response.writeHead(404).end();
      return;
    }
    dump().then(
      (sql) => response.writeHead(200, { "content-type": "application/sql; charset=utf-8" }).end(sql),
      (error: Error) => response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(error.message),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socket, () => resolve());
  });
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      rmSync(socket, { force: true });
    });
}

/** Ask the server that holds `dataDir` for a backup; null when no server answers on its socket. */
export function backupFromServer(dataDir: string): Promise<string | null> {
  const socket = backupSocketOf(dataDir);
  if (!existsSync(socket)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const request = http.get({ socketPath: socket, path: "/backup" }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () =>
        response.statusCode === 200 ? resolve(body) : reject(new Error(`the server could not back up: ${body}`)),
      );
    });
    request.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "ECONNREFUSED" || error.code === "ENOENT" ? resolve(null) : reject(error),
    );
  });
}

/** A data directory a restore may write: missing or empty. */
export const isFreshDataDir = (dataDir: string) => !existsSync(dataDir) || readdirSync(dataDir).length === 0;

/**
 * Load a plain SQL dump into a new embedded database. psql's meta-commands (`\restrict`, `\connect`)
 * are not SQL and are left out; the rest runs as one script.
 */
export async function restoreIntoPglite(pgliteDir: string, sql: string): Promise<void> {
  const { PGlite } = await import("@electric-sql/pglite");
  const pglite = await PGlite.create(pgliteDir, { extensions: { pg_trgm } });
  try {
    const script = sql
      .split("\n")
      .filter((line) => !line.startsWith("\\"))
      .join("\n");
    await pglite.exec(script);
  } finally {
    await pglite.close();
  }
}
