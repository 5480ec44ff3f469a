import type { Db } from "@/lib/db";

/** A reviewer's send-back of a whole article: who, when, and what the editor should do. */
export interface SentBack {
  by: string;
  at: string;
  comment: string;
}

/**
 * The reviewer's comment when the article's last move between editing and review was a send-back
 * (the audit row keeps it); none once the editor submitted again.
 */
export async function lastSentBack(db: Db, articleId: string): Promise<SentBack | null> {
  const last = await db.auditEvent.findFirst({
    // the article's own moves: a change sent back on its own is audited as "request_changes" too
    where: { articleId, entityType: "article", action: { in: ["submit", "request_changes"] } },
    orderBy: { createdAt: "desc" },
    select: { action: true, after: true, createdAt: true, actor: { select: { name: true } } },
  });
  if (last?.action !== "request_changes") return null;
  const comment = (JSON.parse(last.after ?? "{}") as { comment?: unknown }).comment;
  return typeof comment === "string" && comment ? { by: last.actor?.name ?? "A reviewer", at: last.createdAt.toISOString(), comment } : null;
}
