import type { Db, Tx } from "@/lib/db";

/** Everyone who relabelled a block of the article (its audit trail records each relabel with who did it). */
export async function relabelledBy(db: Db | Tx, articleId: string): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ where: { articleId, action: "change_block_kind" }, distinct: ["actorId"], select: { actorId: true } });
  return rows.flatMap((r) => (r.actorId ? [r.actorId] : []));
}
