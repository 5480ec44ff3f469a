import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { stageRefusal } from "@/lib/workflow/rules";
import { EDITABLE_ARTICLE, isIn, type ArticleStatus } from "@/lib/workflow/statuses";

/**
 * The text and marks of an article change only while it is being edited: in review they are locked
 * (the reviewer decides what the editor handed over), once approved closed. Every use case that
 * writes marks or text asks here — new marks, relabels, re-checks, imports — so the page hiding its
 * buttons is never the only guard. Returns the stage, for the first mark to start editing.
 */
export async function assertArticleOpen(tx: Tx, articleId: string): Promise<ArticleStatus> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true } });
  if (!article) throw new AppError("not_found", "There is no article with that id.");
  if (!isIn(EDITABLE_ARTICLE, article.status)) throw new AppError("conflict", stageRefusal(article.status, EDITABLE_ARTICLE));
  return article.status;
}
