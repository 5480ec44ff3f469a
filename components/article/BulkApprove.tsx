"use client";

import { useId, useState, useTransition } from "react";
import { previewApprovalAction } from "@/app/articles/[id]/review-actions";
import { ErrorNotice } from "@/components/ui/ErrorNotice";
import { ANNOTATION_CATEGORIES, CATEGORY_LABELS, type AnnotationCategory } from "@/lib/annotations/categories";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { ActionError } from "@/lib/errors";
import type { DiffPart } from "@/lib/revisions/word-diff";

interface BulkApproveProps {
  articleId: string;
  /** pending changes this reviewer may decide (not their own) */
  candidates: AnnotationView[];
  selectedIds: string[];
  pending: boolean;
  onApprove: (ids: string[]) => void;
}

/** Approve a whole category, or the selected changes, after seeing the text they would produce. */
export function BulkApprove({ articleId, candidates, selectedIds, pending, onApprove }: BulkApproveProps) {
  const id = useId();
  const [category, setCategory] = useState<AnnotationCategory | "">("");
  const [preview, setPreview] = useState<{ ids: string[]; diff: DiffPart[] } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [loading, start] = useTransition();
  const categories = ANNOTATION_CATEGORIES.filter((c) => candidates.some((a) => a.category === c));
  if (candidates.length === 0) return null;

  function showPreview(ids: string[]) {
    start(async () => {
      const r = await previewApprovalAction({ articleId, ids });
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
        Bulk approve
      </h3>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${id}-cat`} className="block text-xs font-medium">
            All pending changes of category
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
        <button type="button" className="btn btn-secondary" disabled={selectedIds.length === 0 || loading} onClick={() => showPreview(selectedIds)}>
          Preview selected ({selectedIds.length})
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
      {preview && (
        <div className="space-y-2">
          <p className="text-xs text-stone-700">The text after approving {preview.ids.length} change{preview.ids.length === 1 ? "" : "s"}:</p>
          <p aria-label="Preview of the resulting text" className="max-h-64 overflow-auto whitespace-pre-wrap rounded border border-stone-200 bg-stone-50 p-2 font-serif">
            {preview.diff.map((p, i) =>
              p.added ? (
                <ins key={i} className="bg-green-100 text-green-900">
                  {p.value}
                </ins>
              ) : p.removed ? (
                <del key={i} className="bg-red-100 text-red-900">
                  {p.value}
                </del>
              ) : (
                <span key={i}>{p.value}</span>
              ),
            )}
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              className="btn btn-primary"
              disabled={pending}
              onClick={() => {
                onApprove(preview.ids);
                setPreview(null);
              }}
            >
              Approve {preview.ids.length} change{preview.ids.length === 1 ? "" : "s"}
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
