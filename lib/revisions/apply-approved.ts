import { quoteSelector } from "@/lib/anchoring/quote-selector";
import { reanchorAfterEdit } from "@/lib/anchoring/reanchor-after-edit";
import type { Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { currentRevision } from "@/lib/articles/current-revision";
import { enqueueChecksOfNextRevision } from "@/lib/jobs/enqueue-checks";
import { AWAITING_DECISION, CARRIED, SETTLED, isIn } from "@/lib/workflow/statuses";
import { moveMarks } from "@/lib/workflow/transition";
import { applyChanges } from "./apply-changes";
import { createRevision } from "./create-revision";
import { describeConflicts } from "./describe-conflicts";

export interface ApplyOutcome {
  revisionId: string;
  number: number;
  applied: number;
  moved: number;
  orphaned: number;
}

/**
 * Build the next revision from the current one with every approved, not yet applied change, then
 * re-anchor every open annotation onto it. Runs inside the caller's transaction, so approving,
 * applying and recording the revision succeed or fail together. Overlapping approved changes are a
 * conflict the reviewer resolves: nothing is applied.
 */
export async function applyApprovedChanges(tx: Tx, { articleId, actor }: { articleId: string; actor: Actor }): Promise<ApplyOutcome | null> {
  const current = await currentRevision(tx, articleId);
  const approved = await tx.annotation.findMany({
    where: { articleId, revisionId: current.id, status: "approved", appliedRevisionId: null, replacement: { not: null } },
    select: { id: true, start: true, end: true, exact: true, replacement: true },
  });
  if (approved.length === 0) return null;

  const result = applyChanges(
    current.text,
    current.blocks,
    approved.map((a) => ({ id: a.id, start: a.start, end: a.end, replacement: a.replacement! })),
  );
  if (!result.ok) {
    const pairs = describeConflicts(result.conflicts, approved);
    throw new AppError("conflict", `These approved changes overlap, so none was applied: ${pairs}. Reject one of each pair, then approve again.`);
  }

  const next = await createRevision(tx, {
    articleId,
    number: current.number + 1,
    text: result.text,
    reason: `applied ${approved.length} change${approved.length === 1 ? "" : "s"}`,
    createdById: actor.id,
    blocks: result.blocks,
  });
  await moveMarks(tx, "apply", approved.map((a) => a.id), { appliedRevisionId: next.id });

  // every open mark moves to the new text: by position, then quote, then fuzzy; else orphaned, never guessed
  const open = await tx.annotation.findMany({
    where: { articleId, revisionId: current.id, status: { in: [...CARRIED] } },
    select: { id: true, start: true, end: true, exact: true, prefix: true, suffix: true, status: true, movedFrom: true },
  });
  let moved = 0;
  const orphans: string[] = [];
  // Most marks only shift by the length change of the edits before them and keep their quote:
  // those move in one updateMany per shift; only marks whose text or context changed are written
  // one by one. (2,000 single-row updates would dominate the apply time on a long article.)
  const byShift = new Map<number, string[]>();
  for (const a of open) {
    const found = a.status === "orphaned" ? null : reanchorAfterEdit(a, current.text, result.text, result.map);
    if (found?.status === "anchored") {
      moved++;
      const quote = quoteSelector(result.text, found.start, found.end);
      const shift = found.start - a.start;
      if (found.end - a.end === shift && quote.exact === a.exact && quote.prefix === a.prefix && quote.suffix === a.suffix) {
        byShift.set(shift, [...(byShift.get(shift) ?? []), a.id]);
      } else {
        await tx.annotation.update({ where: { id: a.id }, data: { revisionId: next.id, start: found.start, end: found.end, ...quote, ...freshLook(a, quote.exact) } });
      }
    } else if (a.status === "orphaned") {
      // already lost: it travels to the new revision as it is (a zero shift moves only its revision)
      byShift.set(0, [...(byShift.get(0) ?? []), a.id]);
    } else if (isIn(SETTLED, a.status)) {
      continue; // its text is gone; it stays with the revision it was decided on
    } else if (a.status === "suggested") {
      // a machine suggestion about text that no longer exists is moot, not lost work
      await tx.annotation.delete({ where: { id: a.id } });
    } else {
      orphans.push(a.id);
    }
  }
  await moveMarks(tx, "orphan", orphans, { revisionId: next.id, version: { increment: 1 } });
  const orphaned = orphans.length;
  for (const [shift, ids] of byShift) {
    // chunks keep the IN list under SQLite's bound-parameter limit
    for (let i = 0; i < ids.length; i += 500) {
      await tx.annotation.updateMany({
        where: { id: { in: ids.slice(i, i + 500) } },
        data: { revisionId: next.id, start: { increment: shift }, end: { increment: shift } },
      });
    }
  }
  // the new text gets checked in the same commit that makes it; its findings are the article
  // editor's suggestions (not the approving reviewer's, who must stay free to approve them)
  const { createdById } = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { createdById: true } });
  await enqueueChecksOfNextRevision({ db: tx, previousRevisionId: current.id, revisionId: next.id, reason: "applied", requestedById: createdById });
  await recordEvent(tx, {
    articleId, actorId: actor.id, action: "apply", entityType: "revision", entityId: next.id,
    before: { revision: current.number }, after: { revision: next.number, applied: approved.map((a) => a.id), orphaned },
  });
  return { revisionId: next.id, number: next.number, applied: approved.length, moved, orphaned };
}

/**
 * A pending mark that now covers other text (widened onto a neighbour, or its words edited) is not the
 * change anyone looked at: a new version, so a decision made on the old one is refused (409), and a
 * note on its card. A mark that only shifted keeps its version: the text it replaces is the same.
 */
function freshLook(a: { status: string; exact: string; movedFrom: string | null }, exact: string) {
  if (exact === a.exact || !isIn(AWAITING_DECISION, a.status)) return {};
  // keep the text as the reviewer last saw it, not an intermediate one, when it moves twice unseen
  return { version: { increment: 1 }, movedAt: new Date(), movedFrom: a.movedFrom ?? a.exact };
}
