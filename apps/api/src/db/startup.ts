import type { Env } from "../env";
import { type Database, openDatabase } from "./database";
import { applyMigrations } from "./migrate";
import { seedDemoData } from "./seed/seed-demo";

export interface StartedDatabase {
  db: Database;
  migrated: string[];
  seeded: { projects: number } | null;
}

/**
 * Open the database, apply pending migrations, and load demo data into an empty database when
 * asked: by default on the embedded database only (SEED_DEMO=auto), on a server only with SEED_DEMO=true.
 */
export async function startDatabase(env: Env, today: string): Promise<StartedDatabase> {
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    replicaUrls: env.DATABASE_REPLICA_URLS,
  });
  try {
    const migrated = await applyMigrations(db);
    const wantSeed = env.SEED_DEMO === "true" || (env.SEED_DEMO === "auto" && db.kind === "pglite");
    const empty = wantSeed && (await db.prisma.orgUnit.count()) === 0;
    const seeded = empty ? await seedDemoData(db.prisma, today) : null;
    // PGlite has no autovacuum: without statistics the planner picks nested loops everywhere
    if (db.kind === "pglite" || seeded) await db.prisma.$executeRawUnsafe("ANALYZE");
    return { db, migrated, seeded };
  } catch (error) {
    await db.close();
    throw error;
  }
}
