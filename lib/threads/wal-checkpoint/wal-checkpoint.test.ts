import { statSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { sqliteConnection } from "@/lib/db";
import { createTestDb, makeActor, testDatabase } from "@/test/test-db";
import { checkpointInBackground } from "./start";

const { db, close } = createTestDb();
afterAll(close);

/** Write about `mb` megabytes through the app's client, a row at a time. */
async function write(mb: number) {
  const user = await makeActor(db, "editor");
  for (let i = 0; i < mb * 4; i++) {
    await db.article.create({ data: { title: `t${i}`, titleSearch: `t${i}`, status: "ingested", sourceKind: "paste", sourceName: "x".repeat(256 * 1024), createdById: user.id } });
  }
}

describe.runIf(testDatabase === "sqlite")("the SQLite checkpoint thread", () => {
  it("copies the log into the database file itself, while the app's connection only keeps a backstop", async () => {
    const connection = (await db.$connect(), sqliteConnection(db))!;
    const file = connection.name;
    const before = statSync(file).size;
    const thread = (await checkpointInBackground(db, { everyMs: 50 }))!;
    expect(thread).not.toBeNull();
    try {
      expect(Number(connection.pragma("wal_autocheckpoint", { simple: true }))).toBe(10_000);
      await write(6); // past SQLite's own 4 MB threshold: without the thread, the app's connection would copy
      // the thread copies within a few rounds: the database file grows to hold what was written
      await expect.poll(() => statSync(file).size - before, { timeout: 10_000, interval: 50 }).toBeGreaterThan(5 * 1024 * 1024);
    } finally {
      await thread.stop();
    }
    expect(Number(connection.pragma("wal_autocheckpoint", { simple: true }))).toBe(1_000);
  });
});
