import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { AnnotationCategory } from "@/lib/annotations/categories";
import { writtenBy } from "@/lib/review/review-rules";
import { transitionAnnotation } from "@/lib/workflow/transition";
import { announce } from "@/lib/live/publish";

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
 * `check:<rule>` so the report can tell machine-found from hand-found changes. (A reviewer instead
 * approves the machine's fix as it stands: approveChanges.)
 */
export async function acceptSuggestion({ db, actor, id, version, values }: AcceptSuggestionOptions): Promise<AnnotationView> {
  assertCan(actor, "suggestion:handle");
  const committed = db.$transaction(async (tx) => {
    const { after } = await transitionAnnotation(tx, {
      actor, id, version, action: "accept", audit: { full: true },
      data: () => ({ ...values, note: values.note || null, speaker: values.speaker || null, authorId: actor.id, ...writtenBy(actor) }),
    });
    return after!;
  });
  return announce(committed, actor, (a) => ({ articleId: a.articleId, what: "annotation" }));
}

export interface DismissSuggestionOptions {
  db: Db;
  actor: Actor;
  id: string;
  version: number;
  /** "not_now" (the default) says nothing of the rule; "wrong" marks a false alarm and counts against its precision */
  reason?: "not_now" | "wrong";
}

/**
 * Dismiss a suggestion: the editor while editing, the reviewer while in review. The row stays
 * (status `dismissed`) as the memory that keeps it from coming back.
 */
export async function dismissSuggestion({ db, actor, id, version, reason = "not_now" }: DismissSuggestionOptions): Promise<AnnotationView> {
  return move(db, actor, { id, version }, "dismiss", reason);
}

/** Admin: take a dismissal back; the suggestion is open again (on a closed article too: it changes no text). */
export async function undoDismissal({ db, actor, id, version }: DismissSuggestionOptions): Promise<AnnotationView> {
  assertCan(actor, "dismissal:undo");
  return move(db, actor, { id, version }, "undo_dismissal");
}

async function move(db: Db, actor: Actor, ref: { id: string; version: number }, action: "dismiss" | "undo_dismissal", dismissReason?: "not_now" | "wrong") {
  const committed = db.$transaction(async (tx) => {
    const { after } = await transitionAnnotation(tx, {
      actor, ...ref, action, audit: { full: true }, dismissReason,
      // taking a dismissal back also takes back its reason
      data: action === "undo_dismissal" ? () => ({ dismissReason: null }) : undefined,
    });
    return after!;
  });
  return announce(committed, actor, (a) => ({ articleId: a.articleId, what: "annotation" }));
}
