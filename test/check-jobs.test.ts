import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { changeBlockKind } from "@/lib/articles/change-block-kind";
import { getArticle } from "@/lib/articles/get-article";
import { ingestArticle } from "@/lib/articles/ingest-article";
import type { AnnotationCategory } from "@/lib/annotations/category-labels";
import type { Actor } from "@/lib/auth/roles";
import { parseText } from "@/lib/ingest/parse-text";
import { startCheckWorker } from "@/lib/jobs/check-worker";
import { claimCheckJob } from "@/lib/jobs/claim-check-job";
import { enqueueChecks } from "@/lib/jobs/enqueue-checks";
import { requestRecheck } from "@/lib/jobs/request-recheck";
import { MAX_ATTEMPTS } from "@/lib/jobs/retry-policy";
import { runCheckJob } from "@/lib/jobs/run-check-job";
import { waitForCheckJob } from "@/lib/jobs/wait-for-check-job";
import { approveArticle } from "@/lib/review/decide-article";
import { approveChanges } from "@/lib/review/decide-change";
import { submitForReview } from "@/lib/review/submit-for-review";
import { waiveFinding } from "@/lib/review/waive-finding";
import { createTestDb, makeActor } from "./test-db";

const FIXTURE = readFileSync(path.join(__dirname, "..", "..", "shared", "fixtures", "voz-trump-petro.txt"), "utf8");
const { db, url, close } = createTestDb();
let editor: Actor, reviewer: Actor;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeActor(db, "editor"), makeActor(db, "reviewer")]);
});
afterAll(close);

const later = (ms: number) => new Date(Date.now() + ms);

/** An ingested article with its ingest job queued (what the ingest adapters do). */
async function ingested(text = FIXTURE) {
  const a = await ingestArticle({ db, actor: editor, parsed: parseText(text), sourceKind: "paste" });
  const job = await enqueueChecks({ db, revisionId: a.revisionId, reason: "ingest", requestedById: editor.id });
  return { ...a, jobId: job.id };
}

/** Claim jobs until this article's is in hand (other tests' jobs are finished on the way). */
async function claimFor(revisionId: string, runner: string, now = new Date(), leaseMs = 60_000) {
  for (let i = 0; i < 50; i++) {
    const job = await claimCheckJob(db, { runner, now, leaseMs });
    if (!job) return null;
    if (job.revisionId === revisionId) return job;
    await runCheckJob(db, job, runner);
  }
  throw new Error("no job for that revision");
}

const jobOf = (revisionId: string) => db.checkJob.findUniqueOrThrow({ where: { revisionId } });

describe("queueing checks", () => {
  it("one job per revision: asking again while it waits changes nothing; a finished job is re-armed", async () => {
    const a = await ingested();
    expect(await enqueueChecks({ db, revisionId: a.revisionId, reason: "recheck", requestedById: editor.id })).toEqual({ id: a.jobId, status: "queued" });
    expect(await db.checkJob.count({ where: { revisionId: a.revisionId } })).toBe(1);
    expect((await getArticle({ db, actor: editor, id: a.id })).checks.status).toBe("queued");

    const job = (await claimFor(a.revisionId, "r1"))!;
    expect((await getArticle({ db, actor: editor, id: a.id })).checks.status).toBe("running");
    expect(await runCheckJob(db, job, "r1")).toBe("done");
    const view = await getArticle({ db, actor: editor, id: a.id });
    expect(view.checks.status).toBe("done");
    expect(view.annotations.some((x) => x.status === "suggested")).toBe(true);

    const again = await requestRecheck({ db, actor: editor, articleId: a.id });
    expect(again.jobId).toBe(a.jobId);
    expect(await jobOf(a.revisionId)).toMatchObject({ status: "queued", attempts: 0, reason: "recheck" });
  });

  it("of two runners claiming at once, exactly one gets the job", async () => {
    const a = await ingested();
    // drain the others first so both runners race for this one
    const mine = (await claimFor(a.revisionId, "drain"))!;
    await db.checkJob.update({ where: { id: mine.id }, data: { status: "queued", lockedBy: null, lockedUntil: null, attempts: 0 } });
    const [x, y] = await Promise.all([claimCheckJob(db, { runner: "x" }), claimCheckJob(db, { runner: "y" })]);
    expect([x, y].filter((j) => j?.revisionId === a.revisionId)).toHaveLength(1);
    expect(await jobOf(a.revisionId)).toMatchObject({ status: "running", attempts: 1 });
  });

  it("Re-check waits for the job and reports what it found, like a direct run", async () => {
    const a = await ingested();
    const worker = startCheckWorker({ db, pollMs: 50, log: () => {} });
    try {
      const result = await waitForCheckJob(db, a.jobId, { timeoutMs: 30_000, pollMs: 50 });
      expect(result.added).toBeGreaterThan(0);
    } finally {
      await worker.stop();
    }
  });
});

describe("a runner that dies mid-job", () => {
  it("kill the server mid-job: the job completes after restart (another runner takes it once the lease ran out)", async () => {
    const a = await ingested();
    // runner A claims the job and starts its run, then its process dies: nothing finishes either
    const dead = (await claimFor(a.revisionId, "server-A", new Date(), 1_000))!;
    await db.checkRun.create({ data: { revisionId: a.revisionId, status: "running", startedById: editor.id } });
    expect(await claimCheckJob(db, { runner: "server-B" })).toBeNull(); // A's lease still holds

    // after the lease: B takes it over and finishes it
    const taken = (await claimFor(a.revisionId, "server-B", later(2_000)))!;
    expect(taken).toMatchObject({ id: dead.id, attempts: 2, reclaimed: true });
    expect(await runCheckJob(db, taken, "server-B")).toBe("done");
    expect(await jobOf(a.revisionId)).toMatchObject({ status: "done", lockedBy: null });
    const runs = await db.checkRun.findMany({ where: { revisionId: a.revisionId }, orderBy: { createdAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["interrupted", "done"]);
    expect((await getArticle({ db, actor: editor, id: a.id })).annotations.some((x) => x.status === "suggested")).toBe(true);

    // A, had it only been slow, cannot overwrite B's outcome
    await db.checkJob.update({ where: { id: dead.id }, data: { status: "running", lockedBy: "server-B" } });
    await runCheckJob(db, { ...dead, requestedById: "nobody" }, "server-A");
    expect(await jobOf(a.revisionId)).toMatchObject({ status: "running", lockedBy: "server-B" });
  });

  it("the same with a real process: a runner killed with SIGKILL mid-run, the job finishes in the next one", async () => {
    const a = await ingested(Array.from({ length: 300 }, () => FIXTURE).join("\n\n"));
    // node itself (tsx as a loader), not the tsx wrapper: SIGKILL must reach the process doing the work
    const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "check-job-child.ts"), url, a.revisionId, "1500"], {
      cwd: path.join(__dirname, ".."),
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    // kill it once its run has started: the job is "running" and so is the check run
    for (let i = 0; !(out.includes("claimed") && (await db.checkRun.count({ where: { revisionId: a.revisionId, status: "running" } })) > 0); i++) {
      if (i > 600 || out.includes("finished")) throw new Error(`the child did not get mid-run: ${out}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill("SIGKILL");
    await exited;
    expect(out).not.toContain("finished");
    expect(await jobOf(a.revisionId)).toMatchObject({ status: "running", lockedBy: "child" });

    await new Promise((r) => setTimeout(r, 1600)); // the dead runner's lease runs out
    const taken = (await claimFor(a.revisionId, "restarted"))!;
    expect(taken).toMatchObject({ attempts: 2, reclaimed: true });
    expect(await runCheckJob(db, taken, "restarted")).toBe("done");
    const runs = await db.checkRun.findMany({ where: { revisionId: a.revisionId }, orderBy: { createdAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["interrupted", "done"]);
  }, 120_000);

  it("a job that took its runner down every time is failed, not tried forever", async () => {
    const a = await ingested();
    await db.checkJob.update({ where: { id: a.jobId }, data: { status: "running", attempts: MAX_ATTEMPTS, lockedBy: "gone", lockedUntil: new Date(Date.now() - 1) } });
    await claimCheckJob(db, { runner: "r" });
    expect(await jobOf(a.revisionId)).toMatchObject({ status: "failed" });
    expect((await getArticle({ db, actor: editor, id: a.id })).checks.status).toBe("failed");
  });
});

describe("retries", () => {
  it("a failed attempt is queued again after a backoff, then given up after the last attempt", async () => {
    const a = await ingested();
    let job = (await claimFor(a.revisionId, "r"))!;
    // a failure from outside the checks (here: a requester who cannot be found)
    expect(await runCheckJob(db, { ...job, requestedById: "nobody" }, "r")).toBe("queued");
    const queued = await jobOf(a.revisionId);
    expect(queued.runAfter.getTime()).toBeGreaterThan(Date.now() + 3_000);
    expect(queued.error).toBeTruthy();
    expect((await getArticle({ db, actor: editor, id: a.id })).checks.status).toBe("retrying");
    expect(await claimFor(a.revisionId, "r")).toBeNull(); // not before its backoff

    for (let n = 2; n <= MAX_ATTEMPTS; n++) {
      job = (await claimFor(a.revisionId, "r", later(3_600_000 * n)))!;
      expect(job.attempts).toBe(n);
      await runCheckJob(db, { ...job, requestedById: "nobody" }, "r");
    }
    expect(await jobOf(a.revisionId)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect((await getArticle({ db, actor: editor, id: a.id })).checks.status).toBe("failed");

    // Retry (Re-check) re-arms it; this time it works
    await requestRecheck({ db, actor: editor, articleId: a.id });
    expect(await runCheckJob(db, (await claimFor(a.revisionId, "r"))!, "r")).toBe("done");
  });

  it("too long is final: not retried until someone presses Re-check", async () => {
    const a = await ingested(Array.from({ length: 300 }, () => FIXTURE).join("\n\n"));
    const job = (await claimFor(a.revisionId, "r"))!;
    expect(await runCheckJob(db, job, "r", { budgetMs: 5 })).toBe("too_long");
    expect((await getArticle({ db, actor: editor, id: a.id })).checks.status).toBe("too_long");
    expect(await claimFor(a.revisionId, "r", later(24 * 3_600_000))).toBeNull();
    await requestRecheck({ db, actor: editor, articleId: a.id });
    expect(await jobOf(a.revisionId)).toMatchObject({ status: "queued", attempts: 0 });
  });
});

describe("after an applied change", () => {
  const TEXT = "The mayor spoke on Monday. He said nothing new.\n\nThe council met on Tuesday.It voted against the plan.";

  /** The editor's change of `exact` (in a fresh article of TEXT, its ingest job queued), submitted for review. */
  async function changeInReview(exact: string, replacement: string, category: AnnotationCategory = "style", ready?: (articleId: string, revisionId: string) => Promise<void>) {
    const a = await ingestArticle({ db, actor: editor, parsed: parseText(TEXT), sourceKind: "paste" });
    await ready?.(a.id, a.revisionId);
    const at = TEXT.indexOf(exact);
    const change = await createAnnotation({
      db, actor: editor,
      input: { articleId: a.id, revisionId: a.revisionId, start: at, end: at + exact.length, category, replacement, note: null, speaker: null },
    });
    await submitForReview({ db, actor: editor, articleId: a.id });
    return { a, change };
  }

  it("the new revision is queued in the same commit; its findings come from the changed paragraphs only, even in review, and block approval", async () => {
    const { a, change } = await changeInReview("Monday. He", "Monday.He", "style", async (articleId, revisionId) => {
      // the ingest checks ran; the reviewer waived what they found in the paragraph nobody changes
      expect(await runCheckJob(db, (await claimFor(revisionId, "r"))!, "r")).toBe("done");
      for (const s of await db.annotation.findMany({ where: { articleId, status: "suggested" }, select: { id: true } })) {
        await db.annotation.update({ where: { id: s.id }, data: { status: "waived" } });
      }
    });
    const applied = await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: change.id, version: 1 }] });
    expect(await jobOf(applied.revisionId)).toMatchObject({ status: "queued", reason: "applied", requestedById: editor.id });

    expect(await runCheckJob(db, (await claimFor(applied.revisionId, "r"))!, "r")).toBe("done");
    const view = await getArticle({ db, actor: reviewer, id: a.id });
    expect(view.status).toBe("in_review");
    const found = view.annotations.filter((x) => x.status === "suggested").map((x) => view.revision.text.slice(x.start, x.end));
    expect(found).toContain("Monday.He"); // in the changed paragraph
    expect(found).not.toContain("Tuesday.It"); // unchanged paragraph, checked before: not this job's business
    // the new finding is pending: the reviewer handles it before the article can be approved
    await expect(approveArticle({ db, actor: reviewer, articleId: a.id })).rejects.toMatchObject({ code: "conflict" });
  });

  it("the article cannot be signed off while the newest revision's checks are still queued or running", async () => {
    const { a, change: fix } = await changeInReview("Tuesday.It", "Tuesday. It", "missing_space");
    const applied = await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: fix.id, version: 1 }] });
    await expect(approveArticle({ db, actor: reviewer, articleId: a.id })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/checks .* still running/) });
    expect(await runCheckJob(db, (await claimFor(applied.revisionId, "r"))!, "r")).toBe("done");
    const pending = (await getArticle({ db, actor: reviewer, id: a.id })).annotations.filter((x) => x.status === "suggested");
    expect(pending).toEqual([]); // the fixed paragraph is clean
    await expect(approveArticle({ db, actor: reviewer, articleId: a.id })).resolves.toBeDefined();
  });

  it("a change applied before the old text's checks finished: the new revision is checked in full", async () => {
    const { a, change } = await changeInReview("nothing new", "little");
    const applied = await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: change.id, version: 1 }] });
    // limited to the changed paragraph, "Tuesday.It" in the other one would never be checked
    expect(await jobOf(applied.revisionId)).toMatchObject({ status: "queued", reason: "recheck" });
    expect(await runCheckJob(db, (await claimFor(applied.revisionId, "r"))!, "r")).toBe("done");
    const view = await getArticle({ db, actor: reviewer, id: a.id });
    expect(view.annotations.filter((x) => x.status === "suggested").map((x) => view.revision.text.slice(x.start, x.end))).toContain("Tuesday.It");
  });

  it("relabelling a block orders the new revision's checks, so sign-off waits for them and the old job is moot", async () => {
    const a = await ingestArticle({ db, actor: editor, parsed: parseText(TEXT), sourceKind: "paste" }); // its job waits
    const relabelled = await changeBlockKind({ db, actor: editor, articleId: a.id, revisionId: a.revisionId, position: 1, kind: "caption" });
    expect(await jobOf(relabelled.revisionId)).toMatchObject({ status: "queued", reason: "recheck" }); // revision 1 was never checked
    expect(await runCheckJob(db, (await claimFor(a.revisionId, "r"))!, "r")).toBe("done");
    expect(await db.checkRun.count({ where: { revisionId: a.revisionId } })).toBe(0);
    await submitForReview({ db, actor: editor, articleId: a.id });
    await expect(approveArticle({ db, actor: reviewer, articleId: a.id })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/checks .* still running/) });

    // once the new revision's checks are in, the article can be signed off as usual (next test: a
    // relabel after finished checks needs only the relabelled block checked)
    expect(await runCheckJob(db, (await claimFor(relabelled.revisionId, "r"))!, "r")).toBe("done");
  });

  it("a relabel after finished checks orders checks of the relabelled block only", async () => {
    const a = await ingestArticle({ db, actor: editor, parsed: parseText(TEXT), sourceKind: "paste" });
    expect(await runCheckJob(db, (await claimFor(a.revisionId, "r"))!, "r")).toBe("done");
    const relabelled = await changeBlockKind({ db, actor: editor, articleId: a.id, revisionId: a.revisionId, position: 0, kind: "caption" });
    expect(await jobOf(relabelled.revisionId)).toMatchObject({ status: "queued", reason: "relabel" });
  });

  it("a job for a revision that is no longer current is finished without adding anything", async () => {
    const a = await ingested();
    await db.revision.create({ data: { articleId: a.id, number: 2, text: "x", reason: "test", createdById: editor.id } });
    expect(await runCheckJob(db, (await claimFor(a.revisionId, "r"))!, "r")).toBe("done");
    expect(await db.checkRun.count({ where: { revisionId: a.revisionId } })).toBe(0);
  });
});
