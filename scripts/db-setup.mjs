#!/usr/bin/env node
// `npm run db:setup` (part of `npm start`): migrations, then the demo seed, on whichever database
// DATABASE_URL names. On PostgreSQL both run under the migration advisory lock, so app servers
// started together apply a release once and seed once: the others wait, then find nothing to do
// (decision 019). On SQLite (the default) nothing here needs a PostgreSQL server.
import { spawnSync } from "node:child_process";
import { isPostgresUrl, applyPending, withMigrationLock } from "./db-migrate.mjs";

// Next reads .env; so must the set-up, or it could prepare SQLite while the app talks to PostgreSQL
try {
  process.loadEnvFile();
} catch {
  // no .env: the SQLite default
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const url = process.env.DATABASE_URL ?? "";
if (isPostgresUrl(url)) {
  await withMigrationLock(url, async (client) => {
    await applyPending(client);
    run("npx", ["tsx", "prisma/seed.ts"]);
  }).catch((e) => {
    console.error(`db-setup: ${e.message}`);
    process.exit(1);
  });
} else {
  run("npx", ["prisma", "migrate", "deploy"]);
  run("npx", ["tsx", "prisma/seed.ts"]);
}
