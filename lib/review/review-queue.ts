import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";

/** Articles waiting for review, oldest first, with how many changes and notes each has pending. */
export async function reviewQueue({ db, actor }: { db: Db; actor: Actor }) {
  assertCan(actor, "change:review");
  const articles = await db.article.findMany({
    where: { status: "in_review" },
    orderBy: [{ statusChangedAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, statusChangedAt: true, createdBy: { select: { name: true } } },
  });
  const pending = await db.annotation.groupBy({
    by: ["articleId"],
    where: { articleId: { in: articles.map((a) => a.id) }, status: "proposed" },
    _count: { _all: true },
  });
  const count = new Map(pending.map((p) => [p.articleId, p._count._all]));
  return articles.map((a) => ({ ...a, pending: count.get(a.id) ?? 0 }));
}
