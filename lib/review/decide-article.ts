import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertInReview } from "./review-rules";

/** The reviewer signs the article off. Only when no change or note is still waiting for a decision. */
export async function approveArticle({ db, actor, articleId }: { db: Db; actor: Actor; articleId: string }) {
  assertCan(actor, "article:approve");
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true, createdById: true } });
    if (!article) throw new AppError("not_found", "There is no article with that id.");
    assertInReview(article.status);
    const pending = await tx.annotation.count({ where: { articleId, status: { in: ["proposed", "approved"] } } });
    if (pending > 0) throw new AppError("conflict", `${pending} change${pending === 1 ? " is" : "s are"} still waiting for a decision.`);
    await tx.article.updateMany({ where: { id: articleId, status: "in_review" }, data: { status: "approved", statusChangedAt: new Date() } });
    await recordEvent(tx, { articleId, actorId: actor.id, action: "article_approve", entityType: "article", entityId: articleId, before: { status: "in_review" }, after: { status: "approved" } });
  });
}

/** Send the whole article back to editing, with a comment for the editor (kept in the audit trail). */
export async function requestArticleChanges({ db, actor, articleId, comment }: { db: Db; actor: Actor; articleId: string; comment: string }) {
  assertCan(actor, "article:approve");
  if (!comment.trim()) throw new AppError("bad_input", "Say what the editor should do.", { comment: "A comment is required." });
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true } });
    if (!article) throw new AppError("not_found", "There is no article with that id.");
    assertInReview(article.status);
    await tx.article.updateMany({ where: { id: articleId, status: "in_review" }, data: { status: "editing", statusChangedAt: new Date() } });
    await recordEvent(tx, {
      articleId, actorId: actor.id, action: "request_changes", entityType: "article", entityId: articleId,
      before: { status: "in_review" }, after: { status: "editing", comment: comment.trim() },
    });
  });
}
