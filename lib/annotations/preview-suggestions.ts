import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { currentRevision } from "@/lib/articles/current-revision";
import { applyChanges } from "@/lib/revisions/apply-changes";
import { describeConflicts } from "@/lib/revisions/describe-conflicts";
import { compactDiff, wordDiff, type DiffPart } from "@/lib/revisions/word-diff";

/**
 * What the text would become if these machine fixes were accepted and later approved: the same word
 * diff a reviewer sees before a bulk approval, shown to the editor before *Accept all*. Nothing is
 * written. Fixes that overlap cannot all be applied, so they are refused here as they would be there.
 */
export async function previewSuggestions({ db, actor, articleId, ids }: { db: Db; actor: Actor; articleId: string; ids: string[] }): Promise<DiffPart[]> {
  assertCan(actor, "suggestion:handle");
  const { text, after } = await suggestedText(db, articleId, ids);
  return compactDiff(wordDiff(text, after));
}

/** The current text and the text with these suggestions' replacements in; throws a conflict on overlaps. */
export async function suggestedText(db: Db | Tx, articleId: string, ids: string[]) {
  const current = await currentRevision(db, articleId);
  const fixes = await db.annotation.findMany({
    where: { articleId, revisionId: current.id, id: { in: ids }, status: "suggested", replacement: { not: null } },
    select: { id: true, start: true, end: true, exact: true, replacement: true, version: true },
  });
  const result = applyChanges(current.text, current.blocks, fixes.map((f) => ({ id: f.id, start: f.start, end: f.end, replacement: f.replacement! })));
  if (!result.ok) throw new AppError("conflict", `These suggestions overlap: ${describeConflicts(result.conflicts, fixes)}. Accept one of each pair on its own.`);
  return { text: current.text, after: result.text, fixes };
}
