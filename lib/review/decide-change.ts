import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockArticle } from "@/lib/articles/lock-article";
import { applyApprovedChanges, type ApplyOutcome } from "@/lib/revisions/apply-approved";
import type { AnnotationAction } from "@/lib/workflow/rules";
import { transitionAnnotation } from "@/lib/workflow/transition";
import { announce, publishChange } from "@/lib/live/publish";

export interface Decision {
  id: string;
  /** the annotation version the reviewer saw */
  version: number;
}

/**
 * Approve one or more proposed changes (or machine fixes, as they stand) of an article and apply them
 * at once into a new revision. All or nothing: a stale version, a change the actor wrote or an
 * overlap leaves everything as it was.
 */
export async function approveChanges({ db, actor, articleId, decisions }: { db: Db; actor: Actor; articleId: string; decisions: Decision[] }): Promise<ApplyOutcome> {
  assertCan(actor, "change:review");
  if (decisions.length === 0) throw new AppError("bad_input", "Choose at least one change to approve.");
  const committed = db.$transaction(async (tx) => {
    await lockArticle(tx, articleId);
    const now = new Date();
    for (const d of decisions) {
      await transitionAnnotation(tx, {
        actor, articleId, ...d, action: "approve",
        data: () => ({ reviewedById: actor.id, reviewedAt: now, reviewNote: null }),
      });
    }
    const outcome = await applyApprovedChanges(tx, { articleId, actor });
    if (!outcome) throw new AppError("conflict", "Nothing was left to apply.");
    return outcome;
  });
  return announce(committed, actor, () => ({ articleId, what: "revision" }));
}

/** Reject a change. The reason is required and shown to the editor. */
export async function rejectChange({ db, actor, id, version, reason }: { db: Db; actor: Actor; id: string; version: number; reason: string }) {
  if (!reason.trim()) throw new AppError("bad_input", "Give a reason for the editor.", { reason: "A reason is required." });
  return decide(db, actor, { id, version }, "reject", reason.trim());
}

/** Send one change back to its editor with a comment (status needs_work). */
export async function requestChangesOnAnnotation({ db, actor, id, version, comment }: { db: Db; actor: Actor; id: string; version: number; comment: string }) {
  if (!comment.trim()) throw new AppError("bad_input", "Say what should change.", { comment: "A comment is required." });
  return decide(db, actor, { id, version }, "request_changes", comment.trim());
}

/** A note (no replacement) has been read and dealt with. */
export async function resolveNote({ db, actor, id, version }: { db: Db; actor: Actor; id: string; version: number }) {
  return decide(db, actor, { id, version }, "resolve", null);
}

async function decide(db: Db, actor: Actor, d: Decision, action: AnnotationAction, note: string | null) {
  assertCan(actor, "change:review");
  const after = await db.$transaction(async (tx) => {
    const { after } = await transitionAnnotation(tx, {
      actor, ...d, action,
      data: () => ({ reviewedById: actor.id, reviewedAt: new Date(), reviewNote: note }),
      audit: { after: { reviewNote: note } },
    });
    return after!;
  });
  publishChange(after.articleId, "annotation", actor.id);
  return { id: d.id, status: after.status as string };
}
