import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The editor hands the article to review. Proposed changes and notes go forward; suggestions no one
 * handled stay visible as suggestions. Guarded by the status the editor saw.
 */
export async function submitForReview({ db, actor, articleId }: { db: Db; actor: Actor; articleId: string }) {
  assertCan(actor, "article:submit");
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true } });
    if (!article) throw new AppError("not_found", "There is no article with that id.");
    const moved = await tx.article.updateMany({
      where: { id: articleId, status: { in: ["ingested", "editing"] } },
      data: { status: "in_review", statusChangedAt: new Date() },
    });
    if (moved.count !== 1) throw new AppError("conflict", `The article is already ${article.status.replace("_", " ")}.`);
    await recordEvent(tx, { articleId, actorId: actor.id, action: "submit", entityType: "article", entityId: articleId, before: { status: article.status }, after: { status: "in_review" } });
  });
}
