import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { transitionArticle } from "@/lib/workflow/transition";
import { announce } from "@/lib/live/publish";

/**
 * The editor hands the article to review; its text and marks are locked until the reviewer approves
 * it or sends it back. Suggestions no one handled go forward too: the reviewer must handle them.
 */
export async function submitForReview({ db, actor, articleId }: { db: Db; actor: Actor; articleId: string }) {
  assertCan(actor, "article:submit");
  return announce(db.$transaction((tx) => transitionArticle(tx, { actor, articleId, action: "submit" })), actor, () => ({ articleId, what: "article" }));
}
