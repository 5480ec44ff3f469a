import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor, Role } from "@/lib/auth/roles";
import { createClient } from "@/lib/db";

const ROOT = path.join(__dirname, "..");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");

/** `TEST_DATABASE=postgres` runs the database tests on PostgreSQL; SQLite otherwise. */
export const testDatabase: "postgres" | "sqlite" = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
/** the server that holds the throw-away test databases (trust auth on this project's machines) */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * A real database for one test file, reached through the same Prisma adapter as the app. SQLite: a
 * fresh file with every migration applied in order (the SQL `prisma migrate deploy` runs).
 * PostgreSQL: a fresh database with prisma/postgres/migrations applied by the start command's own
 * runner, dropped by close(). Synchronous, so test files can create it at the top.
 */
export function createTestDb() {
  return testDatabase === "postgres" ? createPostgresTestDb() : createSqliteTestDb();
}

function createSqliteTestDb() {
  const dir = mkdtempSync(path.join(tmpdir(), "copydesk-test-"));
  const file = path.join(dir, "test.db");
  const raw = new Database(file);
  for (const m of readdirSync(MIGRATIONS).filter((d) => /^\d/.test(d)).sort()) {
    raw.exec(readFileSync(path.join(MIGRATIONS, m, "migration.sql"), "utf8"));
  }
  raw.close();
  const url = `file:${file}`;
  const db = createClient(url);
  return {
    db,
    url,
    async close() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function createPostgresTestDb() {
  const url = postgresTestUrl();
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "db-migrate.mjs"), "--fresh", url], { stdio: "inherit" });
  const db = createClient(url, { poolMax: 5 });
  return {
    db,
    url,
    async close() {
      await db.$disconnect();
      await dropPostgresTestDb(url);
    },
  };
}

/** A fresh database name on the test server, e.g. postgresql://…/copydesk_test_3f9a… */
export function postgresTestUrl(): string {
  const u = new URL(TEST_POSTGRES_URL);
  u.pathname = `/copydesk_test_${randomBytes(6).toString("hex")}`;
  return u.toString();
}

export async function dropPostgresTestDb(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

let n = 0;
export async function makeActor(db: PrismaClient, role: Role): Promise<Actor> {
  n++;
  const user = await db.user.create({
    data: { id: `u-${role}-${n}-${Date.now()}`, name: `${role} ${n}`, email: `${role}${n}-${Date.now()}@test.invalid`, role },
  });
  return { id: user.id, name: user.name, email: user.email, role };
}

/** Run every check job that is due, as the runner on an app server would (tests have no runner of their own). */
export async function runQueuedChecks(db: PrismaClient): Promise<void> {
  const { claimCheckJob } = await import("@/lib/jobs/claim-check-job");
  const { runCheckJob } = await import("@/lib/jobs/run-check-job");
  for (let job = await claimCheckJob(db, { runner: "test" }); job; job = await claimCheckJob(db, { runner: "test" })) {
    await runCheckJob(db, job, "test");
  }
}
