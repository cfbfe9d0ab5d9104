// `pnpm db:seed`: migrate and load the demo data into an empty database (PostgreSQL or embedded).
import { loadEnv } from "../env";
import { makeClock } from "../plugins/app/db";
import { startDatabase } from "./startup";

const env = { ...loadEnv(), SEED_DEMO: "true" as const };
const { db, seeded } = await startDatabase(env, makeClock(env).today());
console.log(
  seeded
    ? `Loaded demo data: ${seeded.projects} projects into ${db.location}`
    : `${db.location} already has data; nothing loaded`,
);
await db.close();
