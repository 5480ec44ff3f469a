"use client";

import { useId, useState } from "react";
import type { AnnotationView } from "@/lib/annotations/annotation-view";

export type ReviewDecision =
  | { kind: "approve" }
  | { kind: "reject"; reason: string }
  | { kind: "request"; comment: string }
  | { kind: "resolve" };

interface ReviewControlsProps {
  annotation: AnnotationView;
  number: number;
  /** the reviewer wrote this change: the server refuses, and the buttons say why */
  ownChange: boolean;
  pending: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onDecide: (d: ReviewDecision) => void;
  /** set by the keyboard shortcut r: open the reason form */
  openReject?: boolean;
}

/** A reviewer's buttons on one pending change or note. Reject and request-changes ask for words first. */
export function ReviewControls({ annotation: a, number, ownChange, pending, selected, onSelect, onDecide, openReject }: ReviewControlsProps) {
  const id = useId();
  const [form, setForm] = useState<"reject" | "request" | null>(openReject ? "reject" : null);
  const [text, setText] = useState("");
  const isChange = a.replacement !== null;
  if (a.status !== "proposed") return null;
  if (ownChange) return <p className="mt-2 text-xs text-stone-600">You proposed this; another reviewer decides it.</p>;

  return (
    <div className="mt-2 space-y-2" onClick={(e) => e.stopPropagation()}>
      <div className="flex flex-wrap items-center gap-2">
        {isChange && (
          <label className="mr-1 flex items-center gap-1 text-xs">
            <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`Select change ${number} for bulk approval`} />
            select
          </label>
        )}
        {isChange ? (
          <button type="button" className="btn btn-primary" disabled={pending} onClick={() => onDecide({ kind: "approve" })} aria-label={`Approve change ${number}`}>
            Approve
          </button>
        ) : (
          <button type="button" className="btn btn-primary" disabled={pending} onClick={() => onDecide({ kind: "resolve" })} aria-label={`Resolve note ${number}`}>
            Resolve
          </button>
        )}
        {isChange && (
          <button type="button" className="btn btn-danger" disabled={pending} onClick={() => setForm("reject")} aria-label={`Reject change ${number}`}>
            Reject…
          </button>
        )}
        <button type="button" className="btn btn-secondary" disabled={pending} onClick={() => setForm("request")} aria-label={`Request changes on ${number}`}>
          Request changes…
        </button>
      </div>
      {form && (
        <form
          aria-label={form === "reject" ? `Reject change ${number}` : `Request changes on ${number}`}
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            onDecide(form === "reject" ? { kind: "reject", reason: text } : { kind: "request", comment: text });
          }}
        >
          <label htmlFor={`${id}-text`} className="block text-xs font-medium">
            {form === "reject" ? "Reason (the editor sees it)" : "What should change?"}
          </label>
          <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} rows={2} className="input text-sm" autoFocus required />
          <div className="flex gap-2">
            <button type="submit" className="btn btn-primary" disabled={pending || !text.trim()}>
              {form === "reject" ? "Reject change" : "Send back"}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setForm(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
