"use client";

import { forwardRef, type ReactNode } from "react";
import { ErrorNotice } from "@/components/ui/ErrorNotice";
import { CATEGORY_LABELS } from "@/lib/annotations/categories";
import { creditedTo } from "@/lib/annotations/credited-to";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import { contextAround } from "@/lib/annotations/context";
import { isDeletion, markState, stateLabel } from "@/lib/annotations/mark-state";
import type { ActionError } from "@/lib/errors";
import { AWAITING_DECISION, isIn } from "@/lib/workflow/statuses";

export interface CardActions {
  onEdit?: () => void;
  onDelete?: () => void;
  /** a machine fix with a replacement: taken on in one click */
  onAccept?: () => void;
  /** open the suggestion in the form first (no replacement yet, or the editor wants to adjust it) */
  onAcceptWithEdit?: () => void;
  onDismiss?: () => void;
  /** dismiss as a false alarm: counts against the rule's measured precision (decision 026) */
  onMarkWrong?: () => void;
}

interface AnnotationCardProps {
  annotation: AnnotationView;
  /** the current revision's text, for a few words of context; null when the mark has no place in it */
  text: string | null;
  active: boolean;
  /** what went wrong with the last thing done on this card: shown here, where the eye is */
  error: ActionError | null;
  pending: boolean;
  actions: CardActions;
  onActivate: () => void;
  /** the open form, review controls and the comment thread */
  children?: ReactNode;
}

/** One annotation in the panel. Focusable, so activating its highlight can move focus here. */
export const AnnotationCard = forwardRef<HTMLElement, AnnotationCardProps>(function AnnotationCard(
  { annotation: a, text, active, error, pending, actions, onActivate, children },
  ref,
) {
  const suggestion = a.status === "suggested";
  const state = markState(a.status);
  const label = `${suggestion ? "Suggestion" : "Annotation"} ${a.number}: ${CATEGORY_LABELS[a.category]}, ${stateLabel(a.status)}`;
  const stop = (run: () => void) => (e: React.MouseEvent) => (e.stopPropagation(), run());
  const { onEdit, onDelete, onAccept, onAcceptWithEdit, onDismiss, onMarkWrong } = actions;
  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-label={label}
      data-annotation-id={a.id}
      data-state={state}
      aria-current={active ? "true" : undefined}
      onClick={onActivate}
      className={`cursor-pointer rounded border p-3 text-sm shadow-sm focus:outline-2 focus:outline-blue-700 ${state === "open" ? "bg-white" : "bg-stone-50"} ${active ? "border-blue-700 ring-2 ring-blue-700" : "border-stone-300"}`}
    >
      <header className="mb-1 flex flex-wrap items-center gap-2">
        <span className={`rounded-full border px-1.5 text-[10px] font-bold ${state === "handled" ? "border-dashed border-stone-400" : "border-stone-500"}`}>
          {state === "applied" && <span aria-hidden="true">✓ </span>}#{a.number}
        </span>
        <span className={`mark-${a.category} rounded px-1.5 font-medium`}>{CATEGORY_LABELS[a.category]}</span>
        <span className="text-xs text-stone-600">{a.status.replace("_", " ")}</span>
        {a.source.startsWith("check:") && (
          <span className="text-xs text-stone-600" title="found by an automatic check">
            · <span aria-hidden="true">⚙</span> {a.source.replace("check:", "check: ")}
          </span>
        )}
        {a.source === "import" && <span className="text-xs text-stone-600">· imported</span>}
        {a.advisory && suggestion && (
          <span className="rounded border border-dashed border-stone-500 px-1 text-[10px] font-semibold uppercase text-stone-700" title="This rule was demoted for low precision: its findings are advice and hold nothing up">
            advisory
          </span>
        )}
        {a.status === "dismissed" && a.dismissReason === "wrong" && <span className="text-xs text-stone-600">· marked wrong</span>}
      </header>
      <Quote annotation={a} text={text} />
      <Change annotation={a} />
      {a.movedFrom !== null && isIn(AWAITING_DECISION, a.status) && (
        <p role="note" className="mt-1 rounded border border-amber-600 bg-amber-50 p-1 text-amber-950">
          The text under this change moved; check it again. It covered “{truncate(a.movedFrom)}”.
        </p>
      )}
      {a.message && <p className="mt-1 text-stone-700">{a.message}</p>}
      {a.speaker && (
        <p className="mt-1">
          <span className="text-stone-600">Speaker:</span> {a.speaker}
        </p>
      )}
      {a.note && <p className="mt-1 whitespace-pre-wrap text-stone-800">{a.note}</p>}
      {a.reviewNote && (
        <p className="mt-1 rounded bg-stone-100 p-1 text-stone-900">
          <span className="font-semibold">{REVIEW_NOTE_LABEL[a.status] ?? "Reviewer"}{a.reviewerName ? ` (${a.reviewerName})` : ""}:</span> {a.reviewNote}
        </p>
      )}
      <footer className="mt-2 flex flex-wrap items-center gap-2 text-xs text-stone-600">
        <span>{creditedTo(a)}</span>
        <span className="ml-auto flex flex-wrap gap-2">
          {onAccept && (
            <button type="button" className="btn btn-primary" disabled={pending} onClick={stop(onAccept)} aria-label={`Accept suggestion ${a.number}`}>
              Accept
            </button>
          )}
          {onAcceptWithEdit && (
            <button
              type="button"
              className="btn btn-secondary"
              disabled={pending}
              onClick={stop(onAcceptWithEdit)}
              aria-label={onAccept ? `Edit suggestion ${a.number} before accepting` : `Accept suggestion ${a.number}…`}
            >
              {onAccept ? "Edit…" : "Accept…"}
            </button>
          )}
          {onDismiss && (
            <button type="button" className="btn btn-secondary" disabled={pending} onClick={stop(onDismiss)} aria-label={`Dismiss suggestion ${a.number}`}>
              Dismiss
            </button>
          )}
          {onMarkWrong && (
            <button
              type="button"
              className="btn btn-secondary"
              disabled={pending}
              onClick={stop(onMarkWrong)}
              aria-label={`Suggestion ${a.number} is wrong: dismiss it as a false alarm`}
              title="Dismiss as a false alarm: the rule's precision counts it"
            >
              This is wrong
            </button>
          )}
          {onEdit && (
            <button type="button" className="btn btn-secondary" onClick={stop(onEdit)} aria-label={`Edit annotation ${a.number}`}>
              Edit
            </button>
          )}
          {onDelete && (
            <button type="button" className="btn btn-danger" disabled={pending} onClick={stop(onDelete)} aria-label={`Delete annotation ${a.number}`}>
              Delete
            </button>
          )}
        </span>
      </footer>
      {error && (
        <div className="mt-2" onClick={(e) => e.stopPropagation()}>
          <ErrorNotice error={error} />
        </div>
      )}
      {children}
    </article>
  );
});

/** The marked words in a few words of their sentence, so two "The → the" cards can be told apart. */
function Quote({ annotation: a, text }: { annotation: AnnotationView; text: string | null }) {
  if (text === null) {
    return (
      <p className="font-serif text-stone-800 [overflow-wrap:anywhere]">
        “<span data-quote>{truncate(a.exact)}</span>”
      </p>
    );
  }
  const { before, exact, after } = contextAround(text, a.start, a.end);
  // a run-together or pasted token can be one long unbreakable "word": it wraps inside the card
  return (
    <p className="font-serif text-stone-700 [overflow-wrap:anywhere]">
      {before}
      <span data-quote className={`rounded px-0.5 font-semibold text-stone-950 ${markState(a.status) === "open" ? `mark-${a.category}` : "bg-stone-200"}`}>{truncate(exact)}</span>
      {after}
    </p>
  );
}

/** What the mark proposes: a replacement, a deletion (a question, not struck through as if done), or nothing (a note). */
function Change({ annotation: a }: { annotation: AnnotationView }) {
  if (a.replacement === null) return null;
  if (a.status === "applied") {
    return <p className="mt-1 text-xs text-stone-700">Applied; it was “{truncate(a.exact)}”{isDeletion(a) ? " (deleted)" : ""}.</p>;
  }
  if (isDeletion(a)) {
    const open = markState(a.status) === "open";
    return (
      <p className="mt-1">
        <span className={`rounded border px-1 text-xs font-semibold ${open ? "border-red-800 text-red-800" : "border-dashed border-stone-400 text-stone-600"}`}>delete?</span>{" "}
        <span className="text-xs text-stone-600">proposed deletion of the marked text</span>
      </p>
    );
  }
  return (
    <p className="mt-1">
      <span className="text-xs text-stone-600">change to</span> <ins className="rounded bg-green-50 px-0.5 font-serif text-green-900 no-underline">{a.replacement}</ins>
    </p>
  );
}

const REVIEW_NOTE_LABEL: Partial<Record<string, string>> = { rejected: "Rejected", waived: "Waived" };

function truncate(s: string): string {
  return s.length > 160 ? `${s.slice(0, 100)} … ${s.slice(-40)}` : s;
}
