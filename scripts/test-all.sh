#!/usr/bin/env bash
# Every test: the type check, unit and database tests (Vitest) on SQLite, the database tests (test/) again
# on PostgreSQL, then end to end (Playwright in Debian's Chromium) on one server, then across two app
# servers behind the balancer on PostgreSQL.
# Ends with one plain "N passed, N failed" line summing both runners.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports
# each phase prints its wall time, so a slow CI run says which phase grew
phase() { echo "test-all: $1 took $(( SECONDS - phase_start )) s"; phase_start=$SECONDS; }
phase_start=$SECONDS
bash scripts/ensure-chromium.sh || exit 1
echo "typecheck: tsc --noEmit"
npx tsc --noEmit
types=$?
phase "typecheck"
npx vitest run --reporter=default --reporter=json --outputFile=reports/vitest.json
unit=$?
phase "vitest (SQLite)"
# the same database tests on PostgreSQL: each test file gets a fresh database on this server (dropped after)
if pg_isready -q -h 127.0.0.1 -p 5432; then
  # shellcheck disable=SC2046 # file names without spaces: the test files that use test/test-db.ts
  TEST_DATABASE=postgres npx vitest run $(grep -l '"./test-db"' test/*.test.ts) --reporter=default --reporter=json --outputFile=reports/vitest-postgres.json
  pgtests=$?
else
  echo "PostgreSQL is not running on 127.0.0.1:5432: the PostgreSQL run of the database tests FAILS (start it: see README, PostgreSQL)"
  rm -f reports/vitest-postgres.json
  pgtests=1
fi
phase "vitest (PostgreSQL)"
npx playwright test
e2e=$?
phase "playwright (one server, incl. build)"
# across two app servers and the balancer on PostgreSQL (npm run cluster, on a database of its own);
# it reuses the build the run above just made (scripts/e2e-server.sh stamps it)
if pg_isready -q -h 127.0.0.1 -p 5432; then
  rm -f reports/playwright-cluster.json
  npx playwright test -c playwright.cluster.config.ts
  cluster=$?
else
  echo "PostgreSQL is not running on 127.0.0.1:5432: the end-to-end tests across app servers FAIL (start it: see README, PostgreSQL)"
  rm -f reports/playwright-cluster.json
  cluster=1
fi
phase "playwright (cluster)"
node scripts/summarize-tests.mjs reports/vitest.json reports/vitest-postgres.json reports/playwright.json reports/playwright-cluster.json
[ "$types" = 0 ] && [ "$unit" = 0 ] && [ "$pgtests" = 0 ] && [ "$e2e" = 0 ] && [ "$cluster" = 0 ]
