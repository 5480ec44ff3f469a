import { afterAll, describe, expect, it } from "vitest";
import { createTestDb, makeActor } from "@/test/test-db";
import { mixedMegabytes } from "@/test/hostile-inputs";
import { longestLoopGap } from "@/lib/threads/testing";
import { parseSource } from "@/lib/ingest/parse-source";
import type { LiveMessage } from "@/lib/live/messages";

// The runner thread opens the database named by DATABASE_URL, as on an app server: point it at this
// file's test database before the modules (and so the thread) start.
const testDb = createTestDb();
process.env.DATABASE_URL = testDb.url;
const { startRunnerThread } = await import("./start-runner-thread");
const { ingestArticle } = await import("@/lib/articles/ingest-article");
const { liveBus } = await import("@/lib/live/live");
const runner = startRunnerThread();
afterAll(async () => {
  await runner.stop();
  await testDb.close();
});

async function waitForJob(revisionId: string) {
  for (let i = 0; i < 600; i++) {
    const job = await testDb.db.checkJob.findUnique({ where: { revisionId } });
    if (job && ["done", "failed", "too_long"].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the job never finished");
}

describe("the app server's check runner thread", () => {
  it("runs a job enqueued on this thread at once, and its announcement reaches this thread's bus", async () => {
    const heard: LiveMessage[] = [];
    const off = liveBus().subscribe((m) => heard.push(m));
    const actor = await makeActor(testDb.db, "editor");
    const article = await ingestArticle({ db: testDb.db, actor, parsed: parseSource("Bridge opens\n\nThe the bridge opened.", "text"), sourceKind: "api" });
    expect((await waitForJob(article.revisionId)).status).toBe("done");
    expect(await testDb.db.annotation.count({ where: { articleId: article.id, status: "suggested" } })).toBeGreaterThan(0);
    await expect.poll(() => heard.some((m) => m.kind === "change" && m.articleId === article.id && m.what === "checks")).toBe(true);
    off();
  });

  it("keeps this thread free while a 1.5 MB article's findings are stored", async () => {
    const actor = await makeActor(testDb.db, "editor");
    const article = await ingestArticle({ db: testDb.db, actor, parsed: parseSource(mixedMegabytes(1_500_000), "text"), sourceKind: "api" });
    const { maxGap, took } = await longestLoopGap(() => waitForJob(article.revisionId));
    // in process the same job holds this thread for hundreds of ms at a time; here only our own
    // polling queries run on it (a bound loose enough for a loaded CI machine)
    expect(maxGap, `longest gap ${maxGap.toFixed(0)} ms of ${took.toFixed(0)} ms`).toBeLessThan(Math.max(60, took / 4));
  });

  it("a stop lets the job in hand finish first (the server is shutting down), then ends the thread", async () => {
    const own = startRunnerThread();
    const actor = await makeActor(testDb.db, "editor");
    const article = await ingestArticle({ db: testDb.db, actor, parsed: parseSource(mixedMegabytes(600_000), "text"), sourceKind: "api" });
    for (let i = 0; i < 300; i++) {
      const job = await testDb.db.checkJob.findUniqueOrThrow({ where: { revisionId: article.revisionId } });
      if (job.status !== "queued") break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all([own.stop(), runner.stop()]); // whichever of the two runners took it
    // stopped mid-job by terminating the thread, it would still be "running", its lease yet to run out
    expect((await testDb.db.checkJob.findUniqueOrThrow({ where: { revisionId: article.revisionId } })).status).toBe("done");
  });
});
