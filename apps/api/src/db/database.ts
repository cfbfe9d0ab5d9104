import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { lockDataDir } from "./data-dir-lock";

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** Where the data lives, for logs: the data directory or the server (without credentials). */
  location: string;
  close(): Promise<void>;
}

export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (options.databaseUrl) {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: options.databaseUrl }) });
    const url = new URL(options.databaseUrl);
    return {
      prisma,
      kind: "postgres",
      location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => prisma.$disconnect(),
    };
  }
  const unlock = lockDataDir(options.dataDir);
  try {
    const pglite = await PGlite.create(path.join(options.dataDir, "pglite"), { extensions: { pg_trgm } });
    // pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils; the protocol is the same
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) as unknown as PrismaPg });
    return {
      prisma,
      kind: "pglite",
      location: options.dataDir,
      async close() {
        await prisma.$disconnect();
        await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
