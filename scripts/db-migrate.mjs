#!/usr/bin/env node
// Applies prisma/postgres/migrations in order to a PostgreSQL database, each file in one
// transaction together with its row in Prisma's `_prisma_migrations` (same table, same sha256
// checksum, so `prisma migrate status` agrees). All of it runs under Prisma's own advisory lock, so
// servers started together apply a release once: the first applies, the others wait, then find
// nothing pending (decision 019). We do not use `prisma migrate deploy` here: with Prisma 6.19's
// WebAssembly engine the stock pg adapter cannot describe a live database (postgres-notes §4).
//   node scripts/db-migrate.mjs postgresql://…            apply pending migrations
//   node scripts/db-migrate.mjs --fresh postgresql://…/x  create database x (must not exist), then apply
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PG_MIGRATIONS = path.join(root, "prisma", "postgres", "migrations");
/** the key `prisma migrate` locks with, so this runner and the Prisma CLI also exclude each other */
export const MIGRATION_LOCK = 72707369;

export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//.test(url ?? "");
}

/** Runs `work(client)` holding the migration lock on its own connection (waits for other holders). */
export async function withMigrationLock(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    return await work(client);
  } finally {
    // ending the session releases the lock even if the unlock is never reached
    await client.end();
  }
}

/** Applies what is pending; returns the names applied. Call inside withMigrationLock. */
export async function applyPending(client, { log = console.log, dir = PG_MIGRATIONS } = {}) {
  await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  const { rows } = await client.query(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`);
  const failed = rows.filter((r) => r.finished_at === null);
  if (failed.length) {
    // left by `prisma migrate deploy` (this runner never records a failure: its transaction rolls back)
    throw new Error(`migration ${failed[0].migration_name} failed earlier and is not rolled back; fix it by hand, then mark it rolled back in _prisma_migrations`);
  }
  const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  const names = readdirSync(dir).filter((d) => /^\d{14}_/.test(d)).sort();
  const done = [];
  for (const name of names) {
    const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    if (applied.has(name)) {
      if (applied.get(name) !== checksum) log(`db-migrate: warning: ${name} was edited after it was applied`);
      continue;
    }
    // one simple query runs the whole file (semicolons inside strings or function bodies are safe)
    // and the transaction makes a failing migration leave nothing behind
    await client.query("BEGIN");
    try {
      await client.query(sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), checksum, name],
      );
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK");
      throw new Error(`migration ${name} failed, nothing of it was applied: ${e.message}`);
    }
    done.push(name);
  }
  log(done.length ? `db-migrate: applied ${done.join(", ")}` : "db-migrate: no pending migrations");
  return done;
}

/** Creates the database named in `url` (byte-order collation, like SQLite) with every migration applied. */
export async function createFreshDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  } finally {
    await client.end();
  }
  await withMigrationLock(url, (c) => applyPending(c, { log: () => {} }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fresh = process.argv.includes("--fresh");
  const url = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? process.env.DATABASE_URL;
  if (!isPostgresUrl(url)) {
    console.error("db-migrate: give a postgresql:// URL (SQLite migrates with `prisma migrate deploy`)");
    process.exit(2);
  }
  (fresh ? createFreshDatabase(url) : withMigrationLock(url, (c) => applyPending(c))).catch((e) => {
    console.error(`db-migrate: ${e.message}`);
    process.exit(1);
  });
}
