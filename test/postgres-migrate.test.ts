import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPending, PG_MIGRATIONS, withMigrationLock } from "../scripts/db-migrate.mjs";
import { dropPostgresTestDb, postgresTestUrl, TEST_POSTGRES_URL, testDatabase } from "./test-db";

// The start command's migration runner (decision 019): several servers starting together on one
// PostgreSQL must apply a release once, and a failing migration must leave nothing behind.
const quiet = { log: () => {} };
const urls: string[] = [];

async function emptyDatabase(): Promise<string> {
  const url = postgresTestUrl();
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${new URL(url).pathname.slice(1)}"`);
  await admin.end();
  urls.push(url);
  return url;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

describe.skipIf(testDatabase !== "postgres")("PostgreSQL migration runner", () => {
  afterAll(async () => {
    for (const url of urls) await dropPostgresTestDb(url);
  });

  it("three servers starting at once apply each migration exactly once, recorded as Prisma records it", async () => {
    const url = await emptyDatabase();
    const runs = await Promise.all([1, 2, 3].map(() => withMigrationLock(url, (c) => applyPending(c, quiet))));
    const names = readdirSync(PG_MIGRATIONS).filter((d) => /^\d{14}_/.test(d)).sort();
    expect(runs.flat().sort()).toEqual(names);
    expect(runs.filter((r) => r.length === 0)).toHaveLength(2);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(url, `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const r of rows) {
      expect(r.finished_at).not.toBeNull();
      expect(r.checksum).toBe(createHash("sha256").update(readFileSync(path.join(PG_MIGRATIONS, r.migration_name, "migration.sql"))).digest("hex"));
    }
  });

  describe("a failing migration", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), "copydesk-pg-migrations-"));
      const write = (name: string, sql: string) => {
        mkdirSync(path.join(dir, name), { recursive: true });
        writeFileSync(path.join(dir, name, "migration.sql"), sql);
      };
      write("20990101000000_first", `CREATE TABLE "first" (id TEXT PRIMARY KEY);`);
      // a semicolon inside a string must not split the file; the failing last statement undoes the rest
      write("20990102000000_second", `CREATE TABLE "second" (id TEXT PRIMARY KEY);\nCOMMENT ON TABLE "second" IS 'one; two';\nSELECT * FROM "missing";`);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("leaves nothing of itself behind, and applies once fixed", async () => {
      const url = await emptyDatabase();
      await expect(withMigrationLock(url, (c) => applyPending(c, { ...quiet, dir }))).rejects.toThrow(/20990102000000_second failed, nothing of it was applied/);
      expect(await query(url, `SELECT to_regclass('"second"')::text AS t`)).toEqual([{ t: null }]);
      expect(await query(url, `SELECT migration_name FROM "_prisma_migrations"`)).toEqual([{ migration_name: "20990101000000_first" }]);

      writeFileSync(path.join(dir, "20990102000000_second", "migration.sql"), `CREATE TABLE "second" (id TEXT PRIMARY KEY);\nCOMMENT ON TABLE "second" IS 'one; two';`);
      expect(await withMigrationLock(url, (c) => applyPending(c, { ...quiet, dir }))).toEqual(["20990102000000_second"]);
      expect(await query(url, `SELECT obj_description('"second"'::regclass) AS d`)).toEqual([{ d: "one; two" }]);
    });
  });
});
