import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * An approved article is closed: no new marks, edits, relabels, checks or imports. Every use case
 * that changes an article's marks or text asks here, so the page hiding its buttons is never the
 * only guard.
 */
export async function assertArticleOpen(tx: Tx, articleId: string): Promise<void> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true } });
  if (!article) throw new AppError("not_found", "There is no article with that id.");
  if (article.status === "approved") throw new AppError("conflict", "The article is approved and closed for changes.");
}
