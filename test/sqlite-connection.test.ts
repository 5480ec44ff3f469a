import { spawn } from "node:child_process";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { sqliteConnection } from "@/lib/db";
import { createTestDb, testDatabase } from "./test-db";

// The app's SQLite connection (decision 031): write-ahead log, and queries that let other work run.
const { db, url, close } = createTestDb();
afterAll(close);

describe.runIf(testDatabase === "sqlite")("the app's SQLite connection", () => {
  it("is in write-ahead-log mode with synchronous = NORMAL", async () => {
    await db.user.count(); // connects
    const connection = sqliteConnection(db)!;
    expect(connection).not.toBeNull();
    expect(connection.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(Number(connection.pragma("synchronous", { simple: true }))).toBe(1); // NORMAL
  });

  it("answers a query outside a transaction on a later turn, so other requests get theirs in between", async () => {
    const order: string[] = [];
    const query = db.user.count().then(() => order.push("query"));
    setImmediate(() => order.push("other work"));
    await query;
    expect(order).toEqual(["other work", "query"]);
  });

  it("runs a transaction's statements without turns in between", async () => {
    const order: string[] = [];
    await db.$transaction(async (tx) => {
      await tx.user.count();
      setImmediate(() => order.push("other work"));
      await tx.user.count();
      await tx.user.count();
      order.push("transaction done");
    });
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(["transaction done", "other work"]);
  });

  it("a transaction that reads, then writes, survives another process's writes meanwhile (npm run worker beside npm start)", async () => {
    const user = await db.user.create({ data: { id: `writer-${Date.now()}`, name: "Writer", email: `w${Date.now()}@x.test`, role: "editor" } });
    const child = spawn(process.execPath, [path.join(__dirname, "sqlite-writer-child.cjs"), url.replace(/^file:/, ""), "1500"], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
    const failures: string[] = [];
    let done = 0;
    const started = Date.now();
    while (Date.now() - started < 1_200) {
      try {
        // read, let the other process commit, then write: as createAnnotation does
        await db.$transaction(async (tx) => {
          const u = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
          await new Promise((r) => setTimeout(r, 3));
          await tx.user.update({ where: { id: u.id }, data: { name: `Writer ${done}` } });
        });
        done++;
      } catch (e) {
        failures.push(String((e as Error).message).slice(0, 120));
      }
      await nextTurn();
    }
    await new Promise((r) => child.once("exit", r));
    expect(failures).toEqual([]);
    expect(done).toBeGreaterThan(10);
  });

  it("a transaction that finds the write lock held past the busy timeout still runs, and so do the next ones", async () => {
    const connection = sqliteConnection(db)!;
    connection.pragma("busy_timeout = 100"); // 5 s by default: the same, sooner
    const other = new Database(url.replace(/^file:/, ""));
    try {
      other.exec("BEGIN IMMEDIATE"); // another process holds the write lock
      // it reads: its plain BEGIN (the fallback) is enough
      expect(await db.$transaction((tx) => tx.user.count())).toBeGreaterThanOrEqual(0);
      other.exec("COMMIT");
      // the adapter's transaction lock was let go: the next transaction neither waits nor fails
      expect(await db.$transaction((tx) => tx.user.count(), { maxWait: 2_000 })).toBeGreaterThanOrEqual(0);
    } finally {
      if (other.inTransaction) other.exec("ROLLBACK");
      other.close();
      connection.pragma("busy_timeout = 5000");
    }
  });
});
