import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { HOLDS_UP } from "@/lib/workflow/statuses";

export interface QueueOpen {
  /** everything that holds up sign-off: the article page's "still open" count */
  total: number;
  /** changes and notes waiting for a decision */
  proposed: number;
  /** machine findings nobody handled yet */
  suggested: number;
  /** changes sent back to the editor one by one */
  needsWork: number;
  /** marks whose text could not be found in a new revision */
  lost: number;
}

/**
 * Articles waiting for review, oldest first, with what still holds each up: the same marks that
 * block its sign-off (HOLDS_UP), so the queue and the article page agree on the count.
 */
export async function reviewQueue({ db, actor }: { db: Db; actor: Actor }) {
  assertCan(actor, "change:review");
  const articles = await db.article.findMany({
    where: { status: "in_review" },
    orderBy: [{ statusChangedAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, statusChangedAt: true, createdBy: { select: { name: true } } },
  });
  const open = await db.annotation.groupBy({
    by: ["articleId", "status"],
    where: { articleId: { in: articles.map((a) => a.id) }, ...HOLDS_UP },
    _count: { _all: true },
  });
  const counts = new Map<string, QueueOpen>();
  for (const row of open) {
    const c = counts.get(row.articleId) ?? { total: 0, proposed: 0, suggested: 0, needsWork: 0, lost: 0 };
    const n = row._count._all;
    c.total += n;
    if (row.status === "proposed") c.proposed += n;
    else if (row.status === "suggested") c.suggested += n;
    else if (row.status === "needs_work") c.needsWork += n;
    else if (row.status === "orphaned") c.lost += n;
    counts.set(row.articleId, c);
  }
  return articles.map((a) => ({ ...a, open: counts.get(a.id) ?? { total: 0, proposed: 0, suggested: 0, needsWork: 0, lost: 0 } }));
}
