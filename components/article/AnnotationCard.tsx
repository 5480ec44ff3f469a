"use client";

import { forwardRef, type ReactNode } from "react";
import { CATEGORY_LABELS } from "@/lib/annotations/categories";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import { AWAITING_DECISION, isIn } from "@/lib/workflow/statuses";

interface AnnotationCardProps {
  annotation: AnnotationView;
  number: number;
  active: boolean;
  canChange: boolean;
  canDelete: boolean;
  onActivate: () => void;
  onEdit: () => void;
  onDelete: () => void;
  /** present for a machine suggestion the viewer may handle */
  onAccept?: () => void;
  onDismiss?: () => void;
  /** review controls and the comment thread */
  children?: ReactNode;
}

/** One annotation in the panel. Focusable, so activating its highlight can move focus here. */
export const AnnotationCard = forwardRef<HTMLElement, AnnotationCardProps>(function AnnotationCard(
  { annotation: a, number, active, canChange, canDelete, onActivate, onEdit, onDelete, onAccept, onDismiss, children },
  ref,
) {
  const suggestion = a.status === "suggested";
  const label = `${suggestion ? "Suggestion" : "Annotation"} ${number}: ${CATEGORY_LABELS[a.category]}`;
  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-label={label}
      data-annotation-id={a.id}
      aria-current={active ? "true" : undefined}
      onClick={onActivate}
      className={`cursor-pointer rounded border bg-white p-3 text-sm shadow-sm focus:outline-2 focus:outline-blue-700 ${active ? "border-blue-700 ring-2 ring-blue-700" : "border-stone-300"}`}
    >
      <header className="mb-1 flex items-center gap-2">
        <span className="rounded-full border border-stone-500 px-1.5 text-[10px] font-bold">{number}</span>
        <span className={`mark-${a.category} rounded px-1.5 font-medium`}>{CATEGORY_LABELS[a.category]}</span>
        <span className="text-xs text-stone-600">{a.status.replace("_", " ")}</span>
        {a.source.startsWith("check:") && (
          <span className="text-xs text-stone-600" title="found by an automatic check">
            · <span aria-hidden="true">⚙</span> {a.source.replace("check:", "check: ")}
          </span>
        )}
        {a.source === "import" && <span className="text-xs text-stone-600">· imported</span>}
      </header>
      <p className="font-serif">
        {a.replacement === null ? (
          <span className="border-l-2 border-stone-300 pl-1 text-stone-800">{truncate(a.exact)}</span>
        ) : a.replacement === "" ? (
          <>
            <del className="bg-red-50 text-red-900">{truncate(a.exact)}</del> <span className="text-xs text-stone-600">(delete)</span>
          </>
        ) : (
          <>
            <del className="bg-red-50 text-red-900">{truncate(a.exact)}</del> <span aria-hidden="true">→</span>
            <span className="sr-only">replace with</span> <ins className="bg-green-50 text-green-900 no-underline">{a.replacement}</ins>
          </>
        )}
      </p>
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
      <footer className="mt-2 flex items-center gap-2 text-xs text-stone-600">
        <span>{suggestion ? "machine suggestion" : a.authorName}</span>
        {onAccept && onDismiss && (
          <span className="ml-auto flex gap-2">
            <button type="button" className="btn btn-primary" onClick={(e) => (e.stopPropagation(), onAccept())} aria-label={`Accept suggestion ${number}`}>
              Accept…
            </button>
            <button type="button" className="btn btn-secondary" onClick={(e) => (e.stopPropagation(), onDismiss())} aria-label={`Dismiss suggestion ${number}`}>
              Dismiss
            </button>
          </span>
        )}
        {(canChange || canDelete) && (
          <span className="ml-auto flex gap-2">
            {canChange && (
              <button type="button" className="btn btn-secondary" onClick={(e) => (e.stopPropagation(), onEdit())} aria-label={`Edit annotation ${number}`}>
                Edit
              </button>
            )}
            {canDelete && (
              <button type="button" className="btn btn-danger" onClick={(e) => (e.stopPropagation(), onDelete())} aria-label={`Delete annotation ${number}`}>
                Delete
              </button>
            )}
          </span>
        )}
      </footer>
      {children}
    </article>
  );
});

const REVIEW_NOTE_LABEL: Partial<Record<string, string>> = { rejected: "Rejected", waived: "Waived" };

function truncate(s: string): string {
  return s.length > 160 ? `${s.slice(0, 100)} … ${s.slice(-40)}` : s;
}
