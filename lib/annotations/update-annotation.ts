import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { writtenBy } from "@/lib/review/review-rules";
import { transitionAnnotation } from "@/lib/workflow/transition";
import type { AnnotationView } from "./annotation-view";
import type { DeleteAnnotationInput, UpdateAnnotationInput } from "./schema";
import { announce } from "@/lib/live/publish";

export interface UpdateAnnotationOptions {
  db: Db;
  actor: Actor;
  input: UpdateAnnotationInput;
}

/**
 * Change an annotation's category, replacement, note or speaker. Guarded by the version the
 * editor saw: if someone changed it meanwhile, nothing is written and they get a conflict. Answering
 * a reviewer's request (needs work) puts the change back in front of them (lib/workflow/rules.ts).
 */
export async function updateAnnotation({ db, actor, input }: UpdateAnnotationOptions): Promise<AnnotationView> {
  const committed = db.$transaction(async (tx) => {
    const { after } = await transitionAnnotation(tx, {
      actor, id: input.id, version: input.version, action: "edit", audit: { full: true },
      data: (before) => ({
        category: input.category,
        replacement: input.replacement,
        note: input.note || null,
        speaker: input.speaker || null,
        // whoever rewrites the words that would go into the article may not approve them (four-eyes)
        ...(input.replacement !== before.replacement ? writtenBy(actor) : {}),
        // the editor has seen the text the change now covers
        movedAt: null,
        movedFrom: null,
      }),
    });
    return after!;
  });
  return announce(committed, actor, (a) => ({ articleId: a.articleId, what: "annotation" }));
}

export interface DeleteAnnotationOptions {
  db: Db;
  actor: Actor;
  input: DeleteAnnotationInput;
}

/** Delete an annotation, with the same ownership and version guard as an edit. */
export async function deleteAnnotation({ db, actor, input }: DeleteAnnotationOptions): Promise<void> {
  await announce(
    db.$transaction((tx) => transitionAnnotation(tx, { actor, id: input.id, version: input.version, action: "delete", audit: { full: true } })),
    actor,
    ({ before }) => ({ articleId: before.articleId, what: "annotation" }),
  );
}
