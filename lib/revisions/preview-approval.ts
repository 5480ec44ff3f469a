import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { currentRevision } from "@/lib/articles/current-revision";
import { applyChanges } from "./apply-changes";
import { describeConflicts } from "./describe-conflicts";
import { compactDiff, wordDiff, type DiffPart } from "./word-diff";

/**
 * What the text would become if these pending changes were approved: a word diff to show before a
 * bulk approval. Nothing is written. Overlaps are reported the same way approval would report them.
 */
export async function previewApproval({ db, actor, articleId, ids }: { db: Db; actor: Actor; articleId: string; ids: string[] }): Promise<DiffPart[]> {
  assertCan(actor, "change:review");
  const current = await currentRevision(db, articleId);
  const changes = await db.annotation.findMany({
    where: { articleId, revisionId: current.id, id: { in: ids }, status: "proposed", replacement: { not: null } },
    select: { id: true, start: true, end: true, exact: true, replacement: true },
  });
  const result = applyChanges(
    current.text,
    current.blocks,
    changes.map((c) => ({ id: c.id, start: c.start, end: c.end, replacement: c.replacement! })),
  );
  if (!result.ok) {
    throw new AppError("conflict", `These changes overlap: ${describeConflicts(result.conflicts, changes)}.`);
  }
  return compactDiff(wordDiff(current.text, result.text));
}
