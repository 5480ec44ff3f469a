#!/usr/bin/env bash
# Every test: the type check, unit and database tests (Vitest), then end to end (Playwright in Debian's Chromium).
# Ends with one plain "N passed, N failed" line summing both runners.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports
bash scripts/ensure-chromium.sh || exit 1
echo "typecheck: tsc --noEmit"
npx tsc --noEmit
types=$?
npx vitest run --reporter=default --reporter=json --outputFile=reports/vitest.json
unit=$?
npx playwright test
e2e=$?
node scripts/summarize-tests.mjs reports/vitest.json reports/playwright.json
[ "$types" = 0 ] && [ "$unit" = 0 ] && [ "$e2e" = 0 ]
