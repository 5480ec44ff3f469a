import type { Tx } from "@/lib/db";

/**
 * Makes the writers of one article's revisions take turns until the caller's transaction ends. Call
 * it first in a transaction that reads the current revision and writes the next one. On PostgreSQL
 * the row lock makes a second applier wait, then read the revision the first one committed — without
 * it, two appliers both write revision n+1 or deadlock on each other's marks. SQLite already runs
 * one write transaction at a time, so there it costs nothing. A write rather than `SELECT … FOR
 * UPDATE` keeps it one portable statement; `updatedAt` is true anyway (a new revision is coming).
 */
export async function lockArticle(tx: Tx, articleId: string): Promise<void> {
  await tx.article.updateMany({ where: { id: articleId }, data: { updatedAt: new Date() } });
}
