import { defineConfig } from "vitest/config";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
/** Set by scripts/with-streaming-replica.sh (`pnpm test:replica`), which starts a primary and a replica. */
const withReplica = Boolean(process.env.REPLICA_URL);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [
      // the data-directory lock only exists on the embedded database; several processes on one
      // database only on a server
      ...(onPostgres ? ["test/process/**"] : ["test/postgres/**"]),
      // needs a real streaming replica
      ...(withReplica ? [] : ["test/replica/**"]),
    ],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
