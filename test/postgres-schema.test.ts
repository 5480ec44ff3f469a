import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb, testDatabase } from "./test-db";

const ROOT = path.join(__dirname, "..");
const migrationNames = (dir: string) => readdirSync(path.join(ROOT, dir)).filter((d) => /^\d{14}_/.test(d)).sort();

describe("one edited schema, migrations for both databases", () => {
  it("prisma/postgres/schema.prisma is derived from the current prisma/schema.prisma", () => {
    expect(() => execFileSync(process.execPath, [path.join(ROOT, "scripts", "db-derive-pg-schema.mjs"), "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("the PostgreSQL migrations cover the newest SQLite migration", () => {
    const sqlite = migrationNames("prisma/migrations").at(-1)!;
    const pg = migrationNames("prisma/postgres/migrations").at(-1)!;
    expect(pg.slice(0, 14) >= sqlite.slice(0, 14), `run npm run db:pg-migration (newest SQLite migration ${sqlite}, PostgreSQL ${pg})`).toBe(true);
  });
});

type Shape = Record<string, string[]>;

/** tables → "column type null|notnull" and index names, from the SQLite migrations */
function sqliteShape(): { columns: Shape; indexes: string[] } {
  const raw = new Database(":memory:");
  for (const m of migrationNames("prisma/migrations")) raw.exec(readFileSync(path.join(ROOT, "prisma", "migrations", m, "migration.sql"), "utf8"));
  const TYPES: Record<string, string> = { TEXT: "text", INTEGER: "integer", BIGINT: "bigint", REAL: "float", DATETIME: "timestamp", BOOLEAN: "boolean" };
  const columns: Shape = {};
  const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'").all() as { name: string }[];
  for (const { name } of tables) {
    const cols = raw.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
    columns[name] = cols.map((c) => `${c.name} ${TYPES[c.type] ?? c.type} ${c.notnull || c.pk ? "notnull" : "null"}`).sort();
  }
  const indexes = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'").all() as { name: string }[]).map((i) => i.name).sort();
  raw.close();
  return { columns, indexes };
}

// needs a PostgreSQL server, so only in the PostgreSQL run (the SQLite run must never need one)
describe.skipIf(testDatabase !== "postgres")("PostgreSQL migrations", () => {
  const t = testDatabase === "postgres" ? createTestDb() : null;
  afterAll(() => t?.close());

  it("make the same tables, columns, types, nullability and indexes as the SQLite migrations", async () => {
    const db = t!.db;
    const TYPES: Record<string, string> = { text: "text", integer: "integer", bigint: "bigint", "double precision": "float", "timestamp without time zone": "timestamp", boolean: "boolean" };
    const cols = await db.$queryRawUnsafe<{ table_name: string; column_name: string; data_type: string; is_nullable: string }[]>(
      `SELECT table_name::text, column_name::text, data_type::text, is_nullable::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const columns: Shape = {};
    for (const c of cols) (columns[c.table_name] ??= []).push(`${c.column_name} ${TYPES[c.data_type] ?? c.data_type} ${c.is_nullable === "YES" ? "null" : "notnull"}`);
    for (const k of Object.keys(columns)) columns[k].sort();
    const idx = await db.$queryRawUnsafe<{ indexname: string }[]>(`SELECT indexname::text AS indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'`);
    const want = sqliteShape();
    expect(columns).toEqual(want.columns);
    expect(idx.map((i) => i.indexname).sort()).toEqual(want.indexes);
  });
});
