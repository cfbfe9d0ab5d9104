#!/usr/bin/env bash
# Run a command with TEST_DATABASE_URL pointing at the PostgreSQL server on 127.0.0.1:5432
# (each API test file creates its own fresh database there and drops it after).
# The server must answer: this never falls back to the embedded database.
set -euo pipefail
url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
if ! node -e '
  const { Client } = require(require.resolve("pg", { paths: ["apps/api"] }));
  const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 5000 });
  c.connect().then(() => c.end()).catch((e) => { console.error(e.message); process.exit(1); });
' "$url"; then
  echo "FAIL: the PostgreSQL server at $url does not answer; the API tests must run on it (start it with:" >&2
  echo "  pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start)" >&2
  exit 1
fi
TEST_DATABASE_URL=$url exec "$@"
