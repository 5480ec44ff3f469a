import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Block, BlockKind } from "@/lib/ingest/blocks";

export interface CurrentRevision {
  id: string;
  number: number;
  text: string;
  blocks: Block[];
}

/** The newest revision of an article with its blocks in order (revisions are numbered 1, 2, … and never edited). */
export async function currentRevision(tx: Tx, articleId: string): Promise<CurrentRevision> {
  const revision = await tx.revision.findFirst({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, text: true, blocks: { orderBy: { position: "asc" }, select: { kind: true, start: true, end: true } } },
  });
  if (!revision) throw new AppError("not_found", "There is no article with that id.");
  return { ...revision, blocks: revision.blocks.map((b) => ({ ...b, kind: b.kind as BlockKind })) };
}

/**
 * Which revision is the article's newest, without its text: for writers that must not store work made
 * on an older one (inside their transaction, after `lockArticle`). Null when there is no such article.
 */
export async function newestRevisionHead(tx: Tx, articleId: string): Promise<{ id: string; number: number } | null> {
  return tx.revision.findFirst({ where: { articleId }, orderBy: { number: "desc" }, select: { id: true, number: true } });
}
