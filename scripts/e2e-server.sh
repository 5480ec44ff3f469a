#!/usr/bin/env bash
# The app as the browser tests see it: a fresh SQLite database, demo users, a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="file:./prisma/e2e-${PORT:-3100}.db"
export BETTER_AUTH_SECRET="e2e-secret-e2e-secret-e2e-secret-e2e-secret"
export BETTER_AUTH_URL="http://localhost:${PORT:-3100}"
export ALLOW_PRIVATE_URLS=1   # the URL-ingest test serves its page on 127.0.0.1
export NEXT_TELEMETRY_DISABLED=1
export LIVE_SESSION_RECHECK_MS=1000   # a signed-out page's stream ends within a test's patience
rm -f "prisma/e2e-${PORT:-3100}.db" "prisma/e2e-${PORT:-3100}.db-journal" "prisma/e2e-${PORT:-3100}.db-wal" "prisma/e2e-${PORT:-3100}.db-shm"
npx prisma migrate deploy >/dev/null
npx tsx prisma/seed.ts
npx next build >/dev/null
# stamp the build with the sources it was made of (hashed after the build, which may rewrite
# tsconfig.json): the cluster e2e after this one in npm test finds it current and reuses it
node --input-type=module -e 'import { sourceHash, writeStamp } from "./scripts/build-stamp.mjs"; writeStamp(process.cwd(), sourceHash(process.cwd()))'
PORT="${PORT:-3100}" exec node scripts/serve.mjs
