// Prisma CLI configuration: JavaScript engines only (no binary downloads). The CLI opens its
// own connection, so against the embedded database run it only while the app is stopped.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

let pglite: PGlite | undefined;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url?.startsWith("postgres")) return new PrismaPg({ connectionString: url });
    const dir = `${process.env.DATA_DIR ?? "./data"}/pglite`;
    mkdirSync(dir, { recursive: true });
    pglite ??= new PGlite(dir, { extensions: { pg_trgm } });
    return new PrismaPGlite(pglite);
  },
});
