import closeWithGrace from "close-with-grace";
import { buildApp } from "./app";
import { serveBackups } from "./db/backup";
import { startDatabase } from "./db/startup";
import { loadEnv } from "./env";
import { startReminderSchedule } from "./notifications/reminder-schedule";
import { makeClock } from "./plugins/app/db";

async function main() {
  const env = loadEnv();
  const clock = makeClock(env);
  const { db, migrated, seeded } = await startDatabase(env, clock.today());
  const app = await buildApp({ env, db });
  app.log.info(
    {
      database: db.kind,
      location: db.location,
      replicas: db.replicas,
      migrated,
      seededProjects: seeded?.projects ?? 0,
      today: clock.today(),
    },
    "database ready",
  );
  // SIGTERM/SIGINT (or a crash): stop accepting connections, let the requests in flight finish
  // (new ones meanwhile get 503), close the database, exit 0; after SHUTDOWN_GRACE_MS exit 1 anyway.
  // `pnpm db:backup` asks this process for a consistent dump of the embedded database (see db/backup.ts)
  const stopBackups = db.dump ? await serveBackups(env.DATA_DIR, db.dump) : async () => {};
  // the daily reminder pass (REMINDERS=false turns it off; see notifications/reminder-schedule.ts)
  const reminders = await startReminderSchedule(env, db, app.log);
  closeWithGrace({ delay: env.SHUTDOWN_GRACE_MS, logger: app.log }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, "closing after an error");
    else app.log.info(`${signal}: closing after the requests in flight`);
    await stopBackups();
    await reminders.stop();
    await app.close();
    await db.close();
  });
  const address = await app.listen({ host: env.HOST, port: env.PORT });
  const replicas = db.replicas.length ? `, reads that may lag from ${db.replicas.join(", ")}` : "";
  console.log(`\nCity project monitor is running (${db.kind} database at ${db.location}${replicas})`);
  console.log(`  web app:  ${address}/`);
  console.log(`  project:  ${address}/projects/50450000-3247`);
  console.log(`  API docs: ${address}/api/docs\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
