import { can, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The audit trail. Admins see everything; anyone else sees an article's trail when it is theirs:
 * they ingested it, annotated it, or reviewed a change on it.
 */
export async function listEvents({ db, actor, articleId, take = 500 }: { db: Db; actor: Actor; articleId?: string; take?: number }) {
  if (!articleId && !can(actor, "audit:read-all")) throw new AppError("forbidden", "Only admins see the whole audit log.");
  if (articleId && !can(actor, "audit:read-all")) {
    const involved = await db.article.count({
      where: {
        id: articleId,
        OR: [{ createdById: actor.id }, { annotations: { some: { OR: [{ authorId: actor.id }, { reviewedById: actor.id }] } } }],
      },
    });
    if (involved === 0) {
      if ((await db.article.count({ where: { id: articleId } })) === 0) throw new AppError("not_found", "There is no article with that id.");
      throw new AppError("forbidden", "You see the audit trail of articles you worked on; this is not one of them.");
    }
  }
  return db.auditEvent.findMany({
    where: articleId ? { articleId } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, action: true, entityType: true, entityId: true, before: true, after: true, createdAt: true, actor: { select: { name: true } }, article: { select: { id: true, title: true } } },
  });
}
