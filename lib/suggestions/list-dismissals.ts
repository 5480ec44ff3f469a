import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";

/**
 * Admin view: every dismissed suggestion in the newsroom, newest first, with its article, and who
 * dismissed it, when and how ("not now", or "this is wrong", which counts against the rule): read
 * from the audit trail's newest dismissal of each, the record of who acted.
 */
export async function listDismissals({ db, actor, take = 200 }: { db: Db; actor: Actor; take?: number }) {
  assertCan(actor, "dismissal:undo");
  const rows = await db.annotation.findMany({
    where: { status: "dismissed" },
    orderBy: { updatedAt: "desc" },
    take,
    select: {
      id: true, version: true, exact: true, source: true, message: true, category: true, updatedAt: true, dismissReason: true,
      article: { select: { id: true, title: true } },
    },
  });
  const events = await db.auditEvent.findMany({
    // narrowed by article first: the audit table is indexed by article, not by entity
    where: { articleId: { in: [...new Set(rows.map((r) => r.article.id))] }, action: "dismiss_suggestion", entityType: "annotation", entityId: { in: rows.map((r) => r.id) } },
    orderBy: { createdAt: "desc" },
    select: { entityId: true, createdAt: true, actor: { select: { name: true } } },
  });
  const latest = new Map<string, { by: string; at: Date }>();
  for (const e of events) if (!latest.has(e.entityId)) latest.set(e.entityId, { by: e.actor?.name ?? "", at: e.createdAt });
  return rows.map((r) => ({ ...r, dismissedBy: latest.get(r.id)?.by ?? null, dismissedAt: latest.get(r.id)?.at ?? r.updatedAt }));
}
