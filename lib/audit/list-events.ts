import { can, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The audit trail. Admins see everything; anyone else sees an article's trail when it is theirs:
 * they ingested it, annotated it, or reviewed a change on it.
 */
export async function listEvents({ db, actor, articleId, take = 200, before }: { db: Db; actor: Actor; articleId?: string; take?: number; before?: AuditCursor }) {
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
    where: {
      ...(articleId ? { articleId } : {}),
      // keyset paging, newest first: strictly older than the last event of the page before
      ...(before ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, action: true, entityType: true, entityId: true, before: true, after: true, createdAt: true, actor: { select: { name: true } }, article: { select: { id: true, title: true } } },
  });
}

/** Where a page of the audit log ends: its last (oldest) event. */
export interface AuditCursor {
  createdAt: Date;
  id: string;
}

/** A cursor in a URL: "<ms since 1970>.<id>". */
export function formatAuditCursor(c: AuditCursor): string {
  return `${c.createdAt.getTime()}.${c.id}`;
}

/** The cursor of a URL, or undefined for anything that is not one (the first page). */
export function parseAuditCursor(text: unknown): AuditCursor | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(text);
  return m ? { createdAt: new Date(Number(m[1])), id: m[2] } : undefined;
}
