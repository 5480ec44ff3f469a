import { afterAll, describe, expect, it } from "vitest";
import { createTestDb, makeActor } from "@/test/test-db";
import { mixedMegabytes } from "@/test/hostile-inputs";
import { longestLoopGap } from "@/lib/threads/testing";

// On SQLite the store stays on the calling thread (one writer at a time, decision 027) with the client
// given; only the parsing moves. (On PostgreSQL the thread stores with a client of its own.)
const testDb = createTestDb();
const { ingestOffThread: ingest, parseOffThread } = await import("./ingest-off-thread");
const ingestOffThread = (o: Parameters<typeof ingest>[0]) => ingest({ ...o, db: testDb.db });
afterAll(() => testDb.close());

describe("ingest off the request thread", () => {
  it("parses and stores Revision 1 with its check job, as ingestArticle does", async () => {
    const actor = await makeActor(testDb.db, "editor");
    const { article, parsed } = await ingestOffThread({
      actor,
      source: { text: "<html><body><h1>Bridge opens</h1><p>The bridge opened on Monday.</p></body></html>", format: "html" },
      sourceKind: "api",
      sourceName: null,
    });
    expect(parsed.blocks.map((b) => b.kind)).toContain("paragraph");
    const stored = await testDb.db.article.findUniqueOrThrow({ where: { id: article.id }, include: { revisions: { include: { checkJob: true } } } });
    expect(stored.title).toBe("Bridge opens");
    expect(stored.revisions[0].text).toBe(parsed.text);
    expect(stored.revisions[0].checkJob?.status).toBe("queued");
  });

  it("brings the user's error back whole, and stores nothing", async () => {
    const actor = await makeActor(testDb.db, "editor");
    const before = await testDb.db.article.count();
    await expect(ingestOffThread({ actor, source: { text: "   ", format: "text" }, sourceKind: "api", sourceName: null })).rejects.toMatchObject({
      name: "AppError",
      code: "empty",
    });
    expect(await testDb.db.article.count()).toBe(before);
  });

  it("refuses a reviewer on the app's side before anything is sent", async () => {
    const reviewer = await makeActor(testDb.db, "reviewer");
    await expect(ingestOffThread({ actor: reviewer, source: { text: "T\n\nBody.", format: "text" }, sourceKind: "api", sourceName: null })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("keeps the calling thread free while a 1.5 MB article is parsed", async () => {
    await parseOffThread({ text: "Warm\n\nup.", format: "text" });
    const text = mixedMegabytes(1_500_000);
    const { result: parsed, maxGap, took } = await longestLoopGap(() => parseOffThread({ text, format: "text" }));
    expect(parsed.blocks.length).toBeGreaterThan(100);
    // on the calling thread the parse blocks for all of its tens of ms; here the loop keeps ticking
    // (copying 1.5 MB to the thread and back is the longest gap left; a bound loose enough for CI)
    expect(maxGap, `longest gap ${maxGap.toFixed(0)} ms of ${took.toFixed(0)} ms`).toBeLessThan(Math.max(40, took / 2));
  });
});
