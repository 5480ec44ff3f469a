import type { Db } from "@/lib/db";

export interface ChangeLabel {
  number: number;
  exact: string;
  replacement: string | null;
}

/**
 * The number and words of the marks an audit trail names, so a row says "approve change #4
 * “thecapture” → “the capture”" instead of an id. A deleted mark has no label; its row keeps the
 * before/after it recorded. (Callers have already checked the reader may see the trail.)
 */
export async function changeLabels({ db, ids }: { db: Db; ids: string[] }): Promise<Record<string, ChangeLabel>> {
  const rows = await db.annotation.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, number: true, exact: true, replacement: true } });
  return Object.fromEntries(rows.map(({ id, ...label }) => [id, label]));
}
