import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import type { Actor, Role } from "@/lib/auth/roles";

const MIGRATIONS = path.join(__dirname, "..", "prisma", "migrations");

/**
 * A real SQLite database for one test file: a fresh file with every migration applied in order
 * (the same SQL `prisma migrate deploy` runs), reached through the same Prisma adapter as the app.
 */
export function createTestDb() {
  const dir = mkdtempSync(path.join(tmpdir(), "copydesk-test-"));
  const file = path.join(dir, "test.db");
  const raw = new Database(file);
  for (const m of readdirSync(MIGRATIONS).filter((d) => /^\d/.test(d)).sort()) {
    raw.exec(readFileSync(path.join(MIGRATIONS, m, "migration.sql"), "utf8"));
  }
  raw.close();
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  return {
    db,
    url: `file:${file}`,
    async close() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let n = 0;
export async function makeActor(db: PrismaClient, role: Role): Promise<Actor> {
  n++;
  const user = await db.user.create({
    data: { id: `u-${role}-${n}-${Date.now()}`, name: `${role} ${n}`, email: `${role}${n}-${Date.now()}@test.invalid`, role },
  });
  return { id: user.id, name: user.name, email: user.email, role };
}
