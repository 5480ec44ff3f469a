import type { Tx } from "@/lib/db";

/**
 * Reserve `count` annotation numbers of one article and return the first. The counter lives on the
 * article and only grows, so "#7" names one mark for the article's whole life: re-anchoring keeps the
 * row (and its number), and a deleted mark's number is never given to another. The increment is one
 * guarded write inside the caller's transaction, so two people marking at once get different numbers.
 */
export async function claimNumbers(tx: Tx, articleId: string, count = 1): Promise<number> {
  const { lastAnnotationNumber } = await tx.article.update({
    where: { id: articleId },
    data: { lastAnnotationNumber: { increment: count } },
    select: { lastAnnotationNumber: true },
  });
  return lastAnnotationNumber - count + 1;
}
