import { canChangeAnnotation, type Actor } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertArticleOpen } from "@/lib/articles/assert-article-open";
import { writtenBy } from "@/lib/review/review-rules";
import { annotationViewSelect, toAnnotationView, type AnnotationView } from "./annotation-view";
import type { DeleteAnnotationInput, UpdateAnnotationInput } from "./schema";

/** Statuses an editor can still change; once a reviewer acts, the mark belongs to the review. */
const EDITABLE = ["proposed", "needs_work", "suggested", "orphaned"];

export interface UpdateAnnotationOptions {
  db: Db;
  actor: Actor;
  input: UpdateAnnotationInput;
}

/**
 * Change an annotation's category, replacement, note or speaker. Guarded by the version the
 * editor saw: if someone changed it meanwhile, nothing is written and they get a conflict.
 */
export async function updateAnnotation({ db, actor, input }: UpdateAnnotationOptions): Promise<AnnotationView> {
  return db.$transaction(async (tx) => {
    const before = await loadForChange(tx, actor, input.id);
    const changed = await tx.annotation.updateMany({
      where: { id: input.id, version: input.version, status: { in: EDITABLE } },
      data: {
        category: input.category,
        replacement: input.replacement,
        note: input.note || null,
        speaker: input.speaker || null,
        // answering a reviewer's request puts the change back in front of them
        status: before.status === "needs_work" ? "proposed" : undefined,
        // whoever rewrites the words that would go into the article may not approve them (four-eyes)
        ...(input.replacement !== before.replacement ? writtenBy(actor) : {}),
        // the editor has seen the text the change now covers
        movedAt: null,
        movedFrom: null,
        version: { increment: 1 },
      },
    });
    if (changed.count !== 1) throw staleConflict(before);
    const after = toAnnotationView(await tx.annotation.findUniqueOrThrow({ where: { id: input.id }, select: annotationViewSelect }));
    await recordEvent(tx, { articleId: after.articleId, actorId: actor.id, action: "edit_annotation", entityType: "annotation", entityId: input.id, before, after });
    return after;
  });
}

export interface DeleteAnnotationOptions {
  db: Db;
  actor: Actor;
  input: DeleteAnnotationInput;
}

/** Delete an annotation, with the same ownership and version guard as an edit. */
export async function deleteAnnotation({ db, actor, input }: DeleteAnnotationOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await loadForChange(tx, actor, input.id);
    const deleted = await tx.annotation.deleteMany({ where: { id: input.id, version: input.version, status: { in: EDITABLE } } });
    if (deleted.count !== 1) throw staleConflict(before);
    await recordEvent(tx, { articleId: before.articleId, actorId: actor.id, action: "delete_annotation", entityType: "annotation", entityId: input.id, before });
  });
}

async function loadForChange(tx: Tx, actor: Actor, id: string) {
  const row = await tx.annotation.findUnique({ where: { id }, select: annotationViewSelect });
  if (!row) throw new AppError("not_found", "That annotation no longer exists; someone may have deleted it.");
  if (!canChangeAnnotation(actor, row.authorId)) {
    throw new AppError("forbidden", "You can change only your own annotations.");
  }
  await assertArticleOpen(tx, row.articleId);
  return toAnnotationView(row);
}

function staleConflict(current: AnnotationView): AppError {
  if (!EDITABLE.includes(current.status)) {
    return new AppError("conflict", `This annotation is now ${current.status.replace("_", " ")} and can no longer be changed.`);
  }
  return new AppError(
    "conflict",
    `Someone changed this annotation since you opened it (now version ${current.version}). Your edit was not saved; your text is kept below — reload to see theirs.`,
  );
}
