#!/usr/bin/env node
// Catches the PostgreSQL migrations up with the SQLite ones (run after adding a SQLite migration):
//   npm run db:pg-migration
// The PostgreSQL migration is the diff between the derived schema as last written (the state the
// PostgreSQL migrations produce) and the schema derived now, named after the newest SQLite migration
// it covers. Prisma's PostgreSQL diff needs a reachable server even though it writes nothing to it
// (postgres-notes §4): PG_URL, default the local trust-auth cluster.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SOURCE, TARGET, derivePgSchema } from "./db-derive-pg-schema.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const SQLITE = path.join(root, "prisma", "migrations");
const PG = path.join(root, "prisma", "postgres", "migrations");
const migrations = (dir) => (existsSync(dir) ? readdirSync(dir).filter((d) => /^\d{14}_/.test(d)).sort() : []);

// --baseline: start the PostgreSQL set again from an empty database (one migration for everything).
// Only before any PostgreSQL database exists that must be kept; after that, migrations only add up.
if (process.argv.includes("--baseline")) {
  for (const m of migrations(PG)) rmSync(path.join(PG, m), { recursive: true });
  rmSync(TARGET, { force: true });
}
const newestSqlite = migrations(SQLITE).at(-1);
const newestPg = migrations(PG).at(-1);
const want = derivePgSchema(readFileSync(SOURCE, "utf8"));
const have = existsSync(TARGET) ? readFileSync(TARGET, "utf8") : null;
const covered = newestPg && newestPg.slice(0, 14) >= newestSqlite.slice(0, 14);

if (covered && want === have) {
  console.log("PostgreSQL migrations are up to date");
  process.exit(0);
}
if (covered) {
  console.error("prisma/schema.prisma changed but there is no new SQLite migration: add it first (scripts/new-migration.sh)");
  process.exit(1);
}

// the CLI's config names TARGET as the schema, so it must exist; the new one sits beside it
if (!have) writeFileSync(TARGET, want);
const tmp = path.join(path.dirname(TARGET), `.next-${process.pid}.prisma`);
writeFileSync(tmp, want);
const from = have && newestPg ? ["--from-schema-datamodel", TARGET] : ["--from-empty"];
const sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", tmp, "--script"], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: process.env.PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
rmSync(tmp);
const dir = path.join(PG, from[0] === "--from-empty" ? `${newestSqlite.slice(0, 14)}_baseline` : newestSqlite);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql.trim() ? sql : "-- no PostgreSQL change\n");
writeFileSync(path.join(PG, "migration_lock.toml"), 'provider = "postgresql"\n');
writeFileSync(TARGET, want);
// schema diffs carry no data steps (backfills, renames): port those from the SQLite migration by hand
console.log(`wrote ${path.relative(root, dir)}/migration.sql and prisma/postgres/schema.prisma — review the SQL`);
