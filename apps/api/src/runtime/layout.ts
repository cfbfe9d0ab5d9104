import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the server finds what it reads from disk besides its database: its migrations, the seed
 * files of the demo data and the built web app.
 *
 * - From the source tree (tsx, tests): the repository's `prisma/` and `apps/web/dist`.
 * - From the build (`apps/api/dist`, made by `pnpm --filter @cpm/api build`): the build holds its
 *   own copies beside the bundle (`prisma/migrations`, `seed/`, `public/`), so that it runs
 *   without the source tree; `scripts/build.mjs` defines `__CPM_BUILD__` in the bundle.
 *
 * MIGRATIONS_DIR, SEED_DIR and WEB_DIST override each of them.
 */
declare const __CPM_BUILD__: boolean | undefined;

export const isBuilt = typeof __CPM_BUILD__ !== "undefined" && __CPM_BUILD__;

/** The folder of this module: src/runtime in the source tree, the build folder in a build. */
const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root, when running from the source tree or from apps/api/dist inside it. */
export const repoRoot = path.resolve(here, isBuilt ? "../.." : "../../../..");

export interface Layout {
  migrationsDir: string;
  seedDir: string;
  webDist: string;
  /** The default DATA_DIR: `data/` at the repository root (the quick start's). */
  dataDir: string;
}

export function layoutFor(source: NodeJS.ProcessEnv = process.env): Layout {
  const fromBuild = (sub: string, fallback: string) => {
    const inBuild = path.join(here, sub);
    return isBuilt && existsSync(inBuild) ? inBuild : fallback;
  };
  return {
    migrationsDir: source.MIGRATIONS_DIR || fromBuild("prisma/migrations", path.join(repoRoot, "prisma/migrations")),
    seedDir: source.SEED_DIR || fromBuild("seed", path.join(repoRoot, "prisma/seed")),
    webDist: source.WEB_DIST || fromBuild("public", path.join(repoRoot, "apps/web/dist")),
    dataDir: source.DATA_DIR || path.join(repoRoot, "data"),
  };
}

export const layout = layoutFor();
