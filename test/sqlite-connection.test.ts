import { afterAll, describe, expect, it } from "vitest";
import { sqliteConnection } from "@/lib/db";
import { createTestDb, testDatabase } from "./test-db";

// The app's SQLite connection (decision 031): write-ahead log, and queries that let other work run.
const { db, close } = createTestDb();
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
});
