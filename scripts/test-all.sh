#!/usr/bin/env bash
# The whole test suite: domain rules, the API on the embedded database and on the PostgreSQL
# server at 127.0.0.1:5432, the API's reads from a throwaway streaming replica, then the web app
# in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-packages.sh
echo "node $(node -v), pnpm $(pnpm -v)"

echo "== 0/6 lint: Biome and TypeScript"
pnpm lint

echo "== 1/6 unit tests: packages/schema (domain rules and schemas), apps/web (date parsing)"
pnpm --filter @cpm/schema test
pnpm --filter @cpm/web test

echo "== 2/6 API tests on PGlite (embedded)"
TEST_DATABASE_URL= pnpm --filter @cpm/api test

echo "== 3/6 API tests on the PostgreSQL server"
bash scripts/with-test-postgres.sh pnpm --filter @cpm/api test

echo "== 4/6 bench smoke: our server and the hand-written SQL baseline answer alike, without errors (demo data, 1 s each)"
bash scripts/with-test-postgres.sh pnpm bench --smoke

echo "== 5/6 API reads from a streaming replica (a throwaway PostgreSQL primary and replica)"
pnpm test:replica

echo "== 6/6 browser tests (Playwright + Debian's Chromium)"
pnpm test:e2e
echo "all test suites passed"
