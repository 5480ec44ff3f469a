import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertArticleOpen } from "@/lib/articles/assert-article-open";
import { annotationViewSelect, toAnnotationView, type AnnotationView } from "@/lib/annotations/annotation-view";
import type { AnnotationCategory } from "@/lib/annotations/categories";
import { writtenBy } from "@/lib/review/review-rules";

export interface AcceptSuggestionOptions {
  db: Db;
  actor: Actor;
  id: string;
  version: number;
  /** the editor may adjust the suggestion before accepting it */
  values: { category: AnnotationCategory; replacement: string | null; note: string | null; speaker: string | null };
}

/**
 * An editor takes a machine suggestion on as their own proposed change. The source stays
 * `check:<rule>` so the report can tell machine-found from hand-found changes.
 */
export async function acceptSuggestion({ db, actor, id, version, values }: AcceptSuggestionOptions): Promise<AnnotationView> {
  assertCan(actor, "suggestion:handle");
  return db.$transaction(async (tx) => {
    const before = await loadSuggestion(tx, id);
    await assertArticleOpen(tx, before.articleId);
    const changed = await tx.annotation.updateMany({
      where: { id, version, status: "suggested" },
      data: { ...values, note: values.note || null, speaker: values.speaker || null, status: "proposed", authorId: actor.id, ...writtenBy(actor), version: { increment: 1 } },
    });
    if (changed.count !== 1) throw staleSuggestion(before);
    const after = toAnnotationView(await tx.annotation.findUniqueOrThrow({ where: { id }, select: annotationViewSelect }));
    await recordEvent(tx, { articleId: after.articleId, actorId: actor.id, action: "accept_suggestion", entityType: "annotation", entityId: id, before, after });
    return after;
  });
}

export interface DismissSuggestionOptions {
  db: Db;
  actor: Actor;
  id: string;
  version: number;
}

/** Dismiss a suggestion. The row stays (status `dismissed`) as the memory that keeps it from coming back. */
export async function dismissSuggestion({ db, actor, id, version }: DismissSuggestionOptions): Promise<AnnotationView> {
  assertCan(actor, "suggestion:handle");
  return setStatus(db, actor, id, version, { from: "suggested", to: "dismissed", action: "dismiss_suggestion", requireOpen: true });
}

/** Admin: take a dismissal back; the suggestion is open again. */
export async function undoDismissal({ db, actor, id, version }: DismissSuggestionOptions): Promise<AnnotationView> {
  assertCan(actor, "dismissal:undo");
  // an admin may undo a dismissal on a closed article too: it changes no text and no decision
  return setStatus(db, actor, id, version, { from: "dismissed", to: "suggested", action: "undo_dismissal", requireOpen: false });
}

async function setStatus(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  move: { from: string; to: string; action: "dismiss_suggestion" | "undo_dismissal"; requireOpen: boolean },
): Promise<AnnotationView> {
  return db.$transaction(async (tx) => {
    const before = await loadSuggestion(tx, id);
    if (move.requireOpen) await assertArticleOpen(tx, before.articleId);
    const changed = await tx.annotation.updateMany({ where: { id, version, status: move.from }, data: { status: move.to, version: { increment: 1 } } });
    if (changed.count !== 1) throw staleSuggestion(before);
    const after = toAnnotationView(await tx.annotation.findUniqueOrThrow({ where: { id }, select: annotationViewSelect }));
    await recordEvent(tx, { articleId: after.articleId, actorId: actor.id, action: move.action, entityType: "annotation", entityId: id, before, after });
    return after;
  });
}

async function loadSuggestion(tx: Tx, id: string): Promise<AnnotationView> {
  const row = await tx.annotation.findUnique({ where: { id }, select: annotationViewSelect });
  if (!row || row.source === "editor") throw new AppError("not_found", "That suggestion no longer exists.");
  return toAnnotationView(row);
}

function staleSuggestion(current: AnnotationView): AppError {
  return new AppError("conflict", `Someone already handled this suggestion (it is now ${current.status.replace("_", " ")}). Reload to see it.`);
}
