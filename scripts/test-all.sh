#!/usr/bin/env bash
# Every test: unit (Vitest) then end to end (Playwright in Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-chromium.sh
npx vitest run
npx playwright test
