"use client";

import { useId, useState, useTransition } from "react";
import { ErrorNotice } from "@/components/ui/ErrorNotice";
import { ANNOTATION_CATEGORIES, CATEGORY_LABELS, type AnnotationCategory } from "@/lib/annotations/categories";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { ActionError, ActionResult } from "@/lib/errors";
import { plural } from "@/lib/plural";
import type { DiffPart } from "@/lib/revisions/word-diff";
import { DiffText } from "./DiffText";

interface BulkApproveProps {
  /** "Bulk approve" for a reviewer, "Accept all" for an editor */
  title: string;
  /** "Approve" / "Accept" */
  verb: string;
  /** "change" / "suggestion" */
  noun: string;
  /** what may be decided together: pending changes that are not the reviewer's own, or machine fixes */
  candidates: AnnotationView[];
  /** ticked by hand on the cards (reviewers); omitted where there is no selection */
  selectedIds?: string[];
  preview: (ids: string[]) => Promise<ActionResult<DiffPart[]>>;
  pending: boolean;
  /** the decision failed (shown here, beside its button) */
  error: ActionError | null;
  onDecide: (ids: string[]) => void;
}

/** Decide a whole category, or the selected ones, after seeing the text they would produce. */
export function BulkApprove({ title, verb, noun, candidates, selectedIds, preview: load, pending, error: decideError, onDecide }: BulkApproveProps) {
  const id = useId();
  const [category, setCategory] = useState<AnnotationCategory | "">("");
  const [preview, setPreview] = useState<{ ids: string[]; diff: DiffPart[] } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [loading, start] = useTransition();
  const categories = ANNOTATION_CATEGORIES.filter((c) => candidates.some((a) => a.category === c));
  if (candidates.length === 0) return null;

  function showPreview(ids: string[]) {
    start(async () => {
      const r = await load(ids);
      if (!r.ok) {
        setPreview(null);
        return setError(r.error);
      }
      setError(null);
      setPreview({ ids, diff: r.data });
    });
  }

  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2 rounded border border-stone-300 bg-white p-3 text-sm">
      <h3 id={`${id}-h`} className="font-semibold">
        {title}
      </h3>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${id}-cat`} className="block text-xs font-medium">
            All {noun}s of category
          </label>
          <select id={`${id}-cat`} value={category} onChange={(e) => setCategory(e.target.value as AnnotationCategory)} className="rounded border border-stone-400 p-1">
            <option value="">choose…</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]} ({candidates.filter((a) => a.category === c).length})
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={!category || loading}
          onClick={() => showPreview(candidates.filter((a) => a.category === category).map((a) => a.id))}
        >
          Preview category
        </button>
        {selectedIds && (
          <button type="button" className="btn btn-secondary" disabled={selectedIds.length === 0 || loading} onClick={() => showPreview(selectedIds)}>
            Preview selected ({selectedIds.length})
          </button>
        )}
      </div>
      {(error ?? decideError) && <ErrorNotice error={(error ?? decideError)!} />}
      {preview && (
        <div className="space-y-2">
          <p className="text-xs text-stone-700">The text after {verb === "Accept" ? "accepting and approving" : "approving"} {plural(preview.ids.length, noun)}:</p>
          <p aria-label="Preview of the resulting text" className="max-h-64 overflow-auto whitespace-pre-wrap rounded border border-stone-200 bg-stone-50 p-2 font-serif">
            <DiffText parts={preview.diff} />
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              className="btn btn-primary"
              disabled={pending}
              onClick={() => {
                onDecide(preview.ids);
                setPreview(null);
              }}
            >
              {verb} {plural(preview.ids.length, noun)}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
