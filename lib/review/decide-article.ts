import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { transitionArticle } from "@/lib/workflow/transition";
import { announce } from "@/lib/live/publish";

/**
 * The reviewer signs the article off. Only when nothing is pending: every change decided, every
 * machine finding accepted, dismissed or waived, no change sent back and no mark lost.
 */
export async function approveArticle({ db, actor, articleId }: { db: Db; actor: Actor; articleId: string }) {
  assertCan(actor, "article:approve");
  return announce(db.$transaction((tx) => transitionArticle(tx, { actor, articleId, action: "approve" })), actor, () => ({ articleId, what: "article" }));
}

/** Send the whole article back to editing, with a comment for the editor (kept in the audit trail). It unlocks the text. */
export async function requestArticleChanges({ db, actor, articleId, comment }: { db: Db; actor: Actor; articleId: string; comment: string }) {
  assertCan(actor, "article:approve");
  if (!comment.trim()) throw new AppError("bad_input", "Say what the editor should do.", { comment: "A comment is required." });
  const committed = db.$transaction((tx) => transitionArticle(tx, { actor, articleId, action: "request_changes", note: { comment: comment.trim() } }));
  return announce(committed, actor, () => ({ articleId, what: "article" }));
}
