"use client";

import {
  acceptSuggestionAction,
  acceptSuggestionsAction,
  changeBlockKindAction,
  createAnnotationAction,
  deleteAnnotationAction,
  dismissSuggestionAction,
  recheckAction,
  updateAnnotationAction,
} from "@/app/articles/[id]/actions";
import {
  approveArticleAction,
  approveChangesAction,
  rejectChangeAction,
  requestArticleChangesAction,
  requestChangesAction,
  resolveNoteAction,
  submitForReviewAction,
  waiveFindingAction,
} from "@/app/articles/[id]/review-actions";
import { CATEGORY_LABELS } from "@/lib/annotations/categories";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { ArticleView } from "@/lib/articles/get-article";
import { plural } from "@/lib/plural";
import { BLOCK_LABELS, type BlockKind } from "@/lib/ingest/blocks";
import type { AnnotationFormValues } from "./AnnotationForm";
import type { ReviewDecision } from "./ReviewControls";
import type { FormMode } from "./use-annotation-selection";
import type { useDeskActions } from "./use-desk-actions";

const label = (a: AnnotationView) => `${a.status === "suggested" ? "suggestion" : "annotation"} ${a.number}`;

/**
 * Every command of the article page, each with the place its error shows and the confirmation it
 * gives: the page's components call these and never a server action directly.
 */
export function useDeskCommands({
  article,
  annotations,
  desk,
  onSaved,
  onApproved,
}: {
  article: ArticleView;
  annotations: AnnotationView[];
  desk: ReturnType<typeof useDeskActions>;
  onSaved: (saved: AnnotationView) => void;
  onApproved: () => void;
}) {
  const { run } = desk;
  const articleId = article.id;
  const find = (id: string) => annotations.find((a) => a.id === id);

  function save(mode: FormMode, values: AnnotationFormValues) {
    if (mode.kind === "idle") return;
    if (mode.kind === "create") {
      return run(
        "new-mark",
        () => createAnnotationAction({ articleId, revisionId: article.revision.id, start: mode.start, end: mode.end, ...values }),
        (saved) => (onSaved(saved), `Annotation ${saved.number} saved: ${CATEGORY_LABELS[saved.category]}.`),
      );
    }
    const target = find(mode.id);
    if (!target) return;
    run(
      target.id,
      () => (mode.kind === "edit" ? updateAnnotationAction : acceptSuggestionAction)({ id: target.id, version: target.version, ...values }),
      (saved) => (onSaved(saved), mode.kind === "edit" ? `Annotation ${saved.number} saved.` : `Suggestion ${saved.number} accepted as your proposed change.`),
    );
  }

  /** One click: a machine fix taken on as it stands. */
  function accept(a: AnnotationView) {
    const values = { category: a.category, replacement: a.replacement, note: a.note, speaker: a.speaker };
    run(a.id, () => acceptSuggestionAction({ id: a.id, version: a.version, ...values }), (saved) => {
      onSaved(saved);
      return `Suggestion ${a.number} accepted: “${a.exact.slice(0, 30)}” → “${a.replacement?.slice(0, 30)}” is now your proposed change.`;
    });
  }

  function acceptAll(ids: string[]) {
    const decisions = ids.map((id) => ({ id, version: find(id)!.version }));
    run("bulk", () => acceptSuggestionsAction({ articleId, decisions }), (r) => `Accepted ${plural(r.accepted, "suggestion")} as your proposed changes.`);
  }

  function remove(a: AnnotationView) {
    if (!window.confirm(`Delete annotation ${a.number} (“${a.exact.slice(0, 40)}”)?`)) return;
    run(a.id, () => deleteAnnotationAction({ id: a.id, version: a.version }), () => `Annotation ${a.number} deleted.`);
  }

  function dismiss(a: AnnotationView) {
    run(a.id, () => dismissSuggestionAction({ id: a.id, version: a.version }), () => `${a.status === "suggested" ? "Suggestion" : "Finding"} ${a.number} dismissed.`);
  }

  /** A false alarm: dismissed, and counted against the rule that raised it. */
  function markWrong(a: AnnotationView) {
    run(a.id, () => dismissSuggestionAction({ id: a.id, version: a.version, reason: "wrong" }), () => `${a.status === "suggested" ? "Suggestion" : "Finding"} ${a.number} dismissed as wrong; its rule's precision counts it.`);
  }

  function approve(ids: string[], place: string) {
    const decisions = ids.map((id) => ({ id, version: find(id)!.version }));
    const one = ids.length === 1 ? find(ids[0]) : undefined;
    run(place, () => approveChangesAction({ articleId, decisions }), (outcome) => {
      onApproved();
      const what = one ? `${one.status === "suggested" ? "Accepted fix" : "Approved change"} ${one.number}` : `Approved ${plural(outcome.applied, "change")}`;
      const lost = outcome.orphaned ? `; ${plural(outcome.orphaned, "annotation")} could not be re-anchored` : "";
      return `${what} — applied as revision ${outcome.number}${lost}.`;
    });
  }

  function decide(a: AnnotationView, d: ReviewDecision) {
    const ref = { articleId, id: a.id, version: a.version };
    if (d.kind === "approve") return approve([a.id], a.id);
    if (d.kind === "dismiss") return dismiss(a);
    if (d.kind === "wrong") return markWrong(a);
    const said = { reject: "rejected", request: "sent back to the editor", waive: "waived", resolve: "resolved" }[d.kind];
    run(
      a.id,
      () =>
        d.kind === "reject"
          ? rejectChangeAction({ ...ref, reason: d.reason })
          : d.kind === "request"
            ? requestChangesAction({ ...ref, comment: d.comment })
            : d.kind === "waive"
              ? waiveFindingAction({ ...ref, reason: d.reason })
              : resolveNoteAction(ref),
      () =>
        `${a.status === "suggested" ? "Finding" : a.replacement === null ? "Note" : "Change"} ${a.number} ${said}.` +
        // the editor can rework it only once the article is back in editing: say so, or the reviewer waits for nothing
        (d.kind === "request" ? " The editor can rework it once you send the article back to editing (Request changes…)." : ""),
    );
  }

  return {
    save,
    accept,
    acceptAll,
    remove,
    dismiss,
    markWrong,
    approve,
    decide,
    label,
    changeKind: (position: number, kind: BlockKind) =>
      run(
        "article",
        () => changeBlockKindAction({ articleId, revisionId: article.revision.id, position, kind }),
        () => `Block ${position + 1} is now ${BLOCK_LABELS[kind].toLowerCase()}.`,
      ),
    recheck: () => run("checks", () => recheckAction({ articleId }), (r) => `Checks done: ${plural(r.added, "new suggestion")}.`),
    submit: () => run("article", () => submitForReviewAction({ articleId }), () => "Submitted for review — the text is locked until the reviewer decides."),
    approveArticle: () => run("article", () => approveArticleAction({ articleId }), () => "Article approved."),
    requestArticleChanges: (comment: string) =>
      run("article", () => requestArticleChangesAction({ articleId, comment }), () => "Sent back to editing with your request."),
  };
}
