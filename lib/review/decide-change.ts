import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { applyApprovedChanges, type ApplyOutcome } from "@/lib/revisions/apply-approved";
import { assertFourEyes, assertInReview } from "./review-rules";

export interface Decision {
  id: string;
  /** the annotation version the reviewer saw */
  version: number;
}

/**
 * Approve one or more proposed changes of an article and apply them at once into a new revision.
 * All or nothing: a stale version, a change the actor wrote or an overlap leaves everything as it was.
 */
export async function approveChanges({ db, actor, articleId, decisions }: { db: Db; actor: Actor; articleId: string; decisions: Decision[] }): Promise<ApplyOutcome> {
  assertCan(actor, "change:review");
  if (decisions.length === 0) throw new AppError("bad_input", "Choose at least one change to approve.");
  return db.$transaction(async (tx) => {
    await loadArticleInReview(tx, articleId);
    const now = new Date();
    for (const d of decisions) {
      const before = await loadChange(tx, d.id, articleId);
      assertFourEyes(actor, before, "approve");
      if (before.replacement === null) throw new AppError("bad_input", "That is a note, not a change; resolve it instead.");
      const moved = await tx.annotation.updateMany({
        where: { id: d.id, version: d.version, status: "proposed" },
        data: { status: "approved", reviewedById: actor.id, reviewedAt: now, reviewNote: null, version: { increment: 1 } },
      });
      if (moved.count !== 1) throw staleDecision(before.status);
      await recordEvent(tx, { articleId, actorId: actor.id, action: "approve", entityType: "annotation", entityId: d.id, before: { status: before.status }, after: { status: "approved" } });
    }
    const outcome = await applyApprovedChanges(tx, { articleId, actor });
    if (!outcome) throw new AppError("conflict", "Nothing was left to apply.");
    return outcome;
  });
}

/** Reject a change. The reason is required and shown to the editor. */
export async function rejectChange({ db, actor, id, version, reason }: { db: Db; actor: Actor; id: string; version: number; reason: string }) {
  assertCan(actor, "change:review");
  if (!reason.trim()) throw new AppError("bad_input", "Give a reason for the editor.", { reason: "A reason is required." });
  return decide(db, actor, id, version, { to: "rejected", note: reason.trim(), action: "reject", verb: "reject" });
}

/** Send one change back to its editor with a comment (status needs_work). */
export async function requestChangesOnAnnotation({ db, actor, id, version, comment }: { db: Db; actor: Actor; id: string; version: number; comment: string }) {
  assertCan(actor, "change:review");
  if (!comment.trim()) throw new AppError("bad_input", "Say what should change.", { comment: "A comment is required." });
  return decide(db, actor, id, version, { to: "needs_work", note: comment.trim(), action: "request_changes", verb: "send back" });
}

/** A note (no replacement) has been read and dealt with. */
export async function resolveNote({ db, actor, id, version }: { db: Db; actor: Actor; id: string; version: number }) {
  assertCan(actor, "change:review");
  return decide(db, actor, id, version, { to: "resolved", note: null, action: "resolve_note", verb: "resolve" });
}

async function decide(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  d: { to: string; note: string | null; action: "reject" | "request_changes" | "resolve_note"; verb: string },
) {
  return db.$transaction(async (tx) => {
    const before = await loadChange(tx, id);
    await loadArticleInReview(tx, before.articleId);
    assertFourEyes(actor, before, d.verb);
    const moved = await tx.annotation.updateMany({
      where: { id, version, status: "proposed" },
      data: { status: d.to, reviewedById: actor.id, reviewedAt: new Date(), reviewNote: d.note, version: { increment: 1 } },
    });
    if (moved.count !== 1) throw staleDecision(before.status);
    await recordEvent(tx, {
      articleId: before.articleId, actorId: actor.id, action: d.action, entityType: "annotation", entityId: id,
      before: { status: before.status }, after: { status: d.to, reviewNote: d.note },
    });
    return { id, status: d.to };
  });
}

async function loadArticleInReview(tx: Tx, articleId: string) {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true } });
  if (!article) throw new AppError("not_found", "There is no article with that id.");
  assertInReview(article.status);
}

async function loadChange(tx: Tx, id: string, articleId?: string) {
  const row = await tx.annotation.findUnique({ where: { id }, select: { articleId: true, authorId: true, lastEditedById: true, lastEditIssuerId: true, status: true, replacement: true } });
  if (!row || (articleId && row.articleId !== articleId)) throw new AppError("not_found", "That change no longer exists.");
  return row;
}

function staleDecision(status: string): AppError {
  if (status === "proposed") return new AppError("conflict", "The editor changed this since you opened it. Reload and review the new version.");
  return new AppError("conflict", `This change was already decided (it is now ${status.replace("_", " ")}). Reload to see who acted.`);
}
