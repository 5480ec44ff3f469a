import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { BlockKind } from "@/lib/ingest/blocks";
import { assertArticleOpen } from "./assert-article-open";
import { currentRevision } from "./current-revision";
import { lockArticle } from "./lock-article";
import { createRevision } from "@/lib/revisions/create-revision";
import { announce } from "@/lib/live/publish";
import { enqueueChecksOfNextRevision } from "@/lib/jobs/enqueue-checks";

export interface ChangeBlockKindOptions {
  db: Db;
  actor: Actor;
  articleId: string;
  /** the revision the editor was looking at */
  revisionId: string;
  position: number;
  kind: BlockKind;
}

/**
 * Relabel one block. Revisions are immutable, so this makes the next revision with the same
 * text and the new label; since the text is identical, every annotation keeps its offsets and
 * simply moves onto the new revision (no re-anchoring needed). Stale revision → conflict.
 */
export async function changeBlockKind({ db, actor, articleId, revisionId, position, kind }: ChangeBlockKindOptions) {
  assertCan(actor, "article:edit-blocks");
  const committed = db.$transaction(async (tx) => {
    await lockArticle(tx, articleId);
    await assertArticleOpen(tx, articleId);
    const current = await currentRevision(tx, articleId);
    if (current.id !== revisionId) throw new AppError("conflict", "The article changed since you opened it. Reload and try again.");
    const block = current.blocks[position];
    if (!block) throw new AppError("bad_input", "There is no such block.");
    if (block.kind === kind) return { revisionId: current.id };

    const next = await createRevision(tx, {
      articleId,
      number: current.number + 1,
      text: current.text,
      reason: `block ${position + 1}: ${block.kind} → ${kind}`,
      createdById: actor.id,
      blocks: current.blocks.map((b, i) => ({ start: b.start, end: b.end, kind: i === position ? kind : b.kind })),
    });
    await tx.annotation.updateMany({ where: { articleId, revisionId: current.id }, data: { revisionId: next.id } });
    // checks read block kinds (a headline, a caption), so the relabelled block is checked again; and
    // every revision has its job, so sign-off waits for it and an older job finds itself moot
    const { createdById } = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { createdById: true } });
    await enqueueChecksOfNextRevision({ db: tx, previousRevisionId: current.id, revisionId: next.id, reason: "relabel", requestedById: createdById });
    await recordEvent(tx, {
      articleId, actorId: actor.id, action: "change_block_kind", entityType: "revision", entityId: next.id,
      // the block's opening words: the change report names the block a reader knows, not its index
      before: { revision: current.number, position, kind: block.kind, text: excerpt(current.text.slice(block.start, block.end)) },
      after: { revision: next.number, position, kind },
    });
    return { revisionId: next.id };
  });
  return announce(committed, actor, () => ({ articleId, what: "revision" }));
}

const EXCERPT = 80;
function excerpt(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= EXCERPT ? one : `${one.slice(0, EXCERPT).replace(/[\ud800-\udbff]$/, "")}…`;
}
