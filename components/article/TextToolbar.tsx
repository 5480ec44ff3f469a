"use client";

interface TextToolbarProps {
  view: "text" | "changes";
  onView: (view: "text" | "changes") => void;
  /** whether any change has been applied since the original */
  changed: boolean;
  canEditStructure: boolean;
  editStructure: boolean;
  onEditStructure: (on: boolean) => void;
}

/**
 * Above the text: *Show changes* (the applied changes marked in place, like a word processor's
 * suggestion mode) and, for editors, *Edit structure* — block kinds are relabelled only in that
 * mode, so the manuscript does not look like a form.
 */
export function TextToolbar({ view, onView, changed, canEditStructure, editStructure, onEditStructure }: TextToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <button type="button" className="btn btn-secondary aria-pressed:border-stone-700 aria-pressed:bg-stone-200" aria-pressed={view === "changes"} onClick={() => onView(view === "changes" ? "text" : "changes")}>
        Show changes
      </button>
      {view === "changes" && !changed && <span className="text-xs text-stone-600">No changes applied yet.</span>}
      {canEditStructure && view === "text" && (
        <button type="button" className="btn btn-secondary ml-auto aria-pressed:border-stone-700 aria-pressed:bg-stone-200" aria-pressed={editStructure} onClick={() => onEditStructure(!editStructure)}>
          Edit structure
        </button>
      )}
    </div>
  );
}
