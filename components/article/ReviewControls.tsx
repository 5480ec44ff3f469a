"use client";

import { useId, useState } from "react";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { AnnotationAction } from "@/lib/workflow/rules";

export type ReviewDecision =
  | { kind: "approve" }
  | { kind: "reject"; reason: string }
  | { kind: "request"; comment: string }
  | { kind: "resolve" }
  | { kind: "dismiss" }
  /** dismiss as a false alarm: counted against the rule's precision (decision 026) */
  | { kind: "wrong" }
  | { kind: "waive"; reason: string };

interface ReviewControlsProps {
  annotation: AnnotationView;
  number: number;
  /** what the lifecycle lets this reviewer do to it now (lib/workflow/rules.ts allowedActions) */
  allowed: AnnotationAction[];
  /** the reviewer wrote this change: the server refuses, and the buttons say why */
  ownChange: boolean;
  pending: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onDecide: (d: ReviewDecision) => void;
  /** set by the keyboard shortcut r: open the reason form */
  openReject?: boolean;
}

type Form = "reject" | "request" | "waive";
const FORMS: Record<Form, { title: string; label: string; submit: string }> = {
  reject: { title: "Reject change", label: "Reason (the editor sees it)", submit: "Reject change" },
  request: { title: "Request changes on", label: "What should change?", submit: "Send back" },
  waive: { title: "Waive finding", label: "Why may it stand? (goes into the change report)", submit: "Waive finding" },
};

/**
 * A reviewer's buttons on one pending change, note or machine finding. Reject, request-changes and
 * waive ask for words first. Only what `allowed` lists is offered: the server enforces the same table.
 */
export function ReviewControls({ annotation: a, number, allowed, ownChange, pending, selected, onSelect, onDecide, openReject }: ReviewControlsProps) {
  const id = useId();
  const [form, setForm] = useState<Form | null>(openReject ? "reject" : null);
  const [text, setText] = useState("");
  const finding = a.status === "suggested";
  const may = (action: AnnotationAction) => allowed.includes(action);
  if (a.status !== "proposed" && !finding) return null;
  if (ownChange && !finding) return <p className="mt-2 text-xs text-stone-600">You proposed this; another reviewer decides it.</p>;
  if (!(["approve", "resolve", "reject", "request_changes", "dismiss", "waive"] as const).some(may)) return null;

  return (
    <div className="mt-2 space-y-2" onClick={(e) => e.stopPropagation()}>
      <div className="flex flex-wrap items-center gap-2">
        {may("approve") && !finding && (
          <label className="mr-1 flex items-center gap-1 text-xs">
            <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`Select change ${number} for bulk approval`} />
            select
          </label>
        )}
        {may("approve") && (
          <button type="button" className="btn btn-primary" disabled={pending} onClick={() => onDecide({ kind: "approve" })} aria-label={`${finding ? "Accept fix" : "Approve change"} ${number}`}>
            {finding ? "Accept fix" : "Approve"}
          </button>
        )}
        {may("resolve") && a.replacement === null && (
          <button type="button" className="btn btn-primary" disabled={pending} onClick={() => onDecide({ kind: "resolve" })} aria-label={`Resolve note ${number}`}>
            Resolve
          </button>
        )}
        {may("reject") && a.replacement !== null && (
          <button type="button" className="btn btn-danger" disabled={pending} onClick={() => setForm("reject")} aria-label={`Reject change ${number}`}>
            Reject…
          </button>
        )}
        {may("request_changes") && (
          <button type="button" className="btn btn-secondary" disabled={pending} onClick={() => setForm("request")} aria-label={`Request changes on ${number}`}>
            Request changes…
          </button>
        )}
        {may("dismiss") && (
          <button type="button" className="btn btn-secondary" disabled={pending} onClick={() => onDecide({ kind: "dismiss" })} aria-label={`Dismiss finding ${number}`}>
            Dismiss
          </button>
        )}
        {may("dismiss") && (
          <button type="button" className="btn btn-secondary" disabled={pending} onClick={() => onDecide({ kind: "wrong" })} aria-label={`Finding ${number} is wrong: dismiss it as a false alarm`}>
            This is wrong
          </button>
        )}
        {may("waive") && (
          <button type="button" className="btn btn-secondary" disabled={pending} onClick={() => setForm("waive")} aria-label={`Waive finding ${number}`}>
            Waive…
          </button>
        )}
      </div>
      {form && (
        <form
          aria-label={`${FORMS[form].title} ${number}`}
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            onDecide(form === "request" ? { kind: "request", comment: text } : { kind: form, reason: text });
          }}
        >
          <label htmlFor={`${id}-text`} className="block text-xs font-medium">
            {FORMS[form].label}
          </label>
          <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} rows={2} className="input text-sm" autoFocus required />
          <div className="flex gap-2">
            <button type="submit" className="btn btn-primary" disabled={pending || !text.trim()}>
              {FORMS[form].submit}
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
