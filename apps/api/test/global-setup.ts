import pg from "pg";

/** Says which database this run uses, and fails loudly when the PostgreSQL server does not answer. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log("\n▶ API tests on the embedded database (PGlite), a fresh temporary DATA_DIR per test file\n");
    return;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    const target = new URL(url);
    console.log(
      `\n▶ API tests on PostgreSQL ${rows[0]?.server_version} at ${target.host}, a fresh database per test file (created, then dropped)\n`,
    );
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL is set but the PostgreSQL server does not answer: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}
