import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { getArticle } from "@/lib/articles/get-article";
import { ingestArticle } from "@/lib/articles/ingest-article";
import type { Actor } from "@/lib/auth/roles";
import { parseText } from "@/lib/ingest/parse-text";
import { claimCheckJob } from "@/lib/jobs/claim-check-job";
import { runCheckJob } from "@/lib/jobs/run-check-job";
import { approveArticle } from "@/lib/review/decide-article";
import { approveChanges } from "@/lib/review/decide-change";
import { submitForReview } from "@/lib/review/submit-for-review";
import { waiveFinding } from "@/lib/review/waive-finding";
import { createTestDb, makeActor } from "./test-db";

/*
 * The race between a check job and an applied change, made certain rather than likely: the real
 * checks run on their thread, and their answer is held back until the test lets it through, which it
 * does once the reviewer's approval has made the next revision. Without the hold the checks of a
 * short text finish in milliseconds, and the approval would only sometimes land in between.
 */
const hold = vi.hoisted(() => ({ until: null as Promise<void> | null, reached: null as (() => void) | null }));
vi.mock("@/lib/checks/worker/run-checks-off-thread", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/checks/worker/run-checks-off-thread")>();
  return {
    ...real,
    runChecksOffThread: async (...args: Parameters<typeof real.runChecksOffThread>) => {
      const result = await real.runChecksOffThread(...args);
      hold.reached?.();
      await hold.until;
      return result;
    },
  };
});

const { db, close } = createTestDb();
let editor: Actor, reviewer: Actor;
beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeActor(db, "editor"), makeActor(db, "reviewer")]);
});
afterAll(close);

const TEXT = "The mayor spoke on Monday. He said nothing new.\n\nThe council met on Tuesday.It voted against the plan.";

it("a change applied while the old text's checks run: their findings are dropped, the new revision's own checks find them, and the article can be signed off", async () => {
  const a = await ingestArticle({ db, actor: editor, parsed: parseText(TEXT), sourceKind: "paste" }); // its job waits
  const at = TEXT.indexOf("nothing");
  const change = await createAnnotation({
    db, actor: editor,
    input: { articleId: a.id, revisionId: a.revisionId, start: at, end: at + "nothing".length, category: "style", replacement: "little", note: null, speaker: null },
  });
  await submitForReview({ db, actor: editor, articleId: a.id });

  let release!: () => void;
  hold.until = new Promise((r) => (release = r));
  const checked = new Promise<void>((r) => (hold.reached = r));
  const job = (await claimCheckJob(db, { runner: "server-1" }))!;
  expect(job.revisionId).toBe(a.revisionId);
  const running = runCheckJob(db, job, "server-1");
  await checked; // revision 1 is checked, its findings not yet stored
  // meanwhile a reviewer on another server approves the change: revision 2
  const applied = await approveChanges({ db, actor: reviewer, articleId: a.id, decisions: [{ id: change.id, version: 1 }] });
  hold.until = null;
  release();
  expect(await running).toBe("done");

  // nothing stranded on revision 1, where no page shows it and nothing could clear it
  expect(await db.annotation.count({ where: { articleId: a.id, revisionId: a.revisionId, status: "suggested" } })).toBe(0);
  expect(await db.checkRun.findFirstOrThrow({ where: { revisionId: a.revisionId } })).toMatchObject({ status: "done", added: 0, error: expect.stringMatching(/Revision 2 was made/) });

  // revision 1's checks never finished, so revision 2's cover the whole text, the unchanged paragraph too
  const next = (await claimCheckJob(db, { runner: "server-2" }))!;
  expect(next).toMatchObject({ revisionId: applied.revisionId, reason: "recheck" });
  expect(await runCheckJob(db, next, "server-2")).toBe("done");
  const view = await getArticle({ db, actor: reviewer, id: a.id });
  const suggested = view.annotations.filter((x) => x.status === "suggested");
  expect(suggested.map((x) => view.revision.text.slice(x.start, x.end))).toContain("Tuesday.It");
  for (const s of suggested) await waiveFinding({ db, actor: reviewer, id: s.id, version: s.version, reason: "fine as it is" });
  await expect(approveArticle({ db, actor: reviewer, articleId: a.id })).resolves.toBeDefined();
});
