"use client";

import { useId, useState } from "react";
import { ANNOTATION_CATEGORIES, CATEGORY_LABELS, type AnnotationCategory } from "@/lib/annotations/categories";
import type { ActionError } from "@/lib/errors";
import { ErrorNotice } from "@/components/ui/ErrorNotice";

export interface AnnotationFormValues {
  category: AnnotationCategory;
  replacement: string | null;
  note: string | null;
  speaker: string | null;
}

type ChangeMode = "none" | "replace" | "delete";

interface AnnotationFormProps {
  title: string;
  quote: string;
  initial?: AnnotationFormValues;
  submitLabel: string;
  pending: boolean;
  error: ActionError | null;
  onSubmit: (values: AnnotationFormValues) => void;
  onCancel: () => void;
}

/**
 * The small form that opens on a selection (and for editing). A replacement is optional:
 * "no change" stores null, "delete the text" stores "" — the two must never be confused.
 * Values live here, so a failed save (conflict, validation) keeps what the editor typed.
 */
export function AnnotationForm({ title, quote, initial, submitLabel, pending, error, onSubmit, onCancel }: AnnotationFormProps) {
  const id = useId();
  const [category, setCategory] = useState<AnnotationCategory>(initial?.category ?? "typo");
  const [mode, setMode] = useState<ChangeMode>(initial?.replacement == null ? "none" : initial.replacement === "" ? "delete" : "replace");
  const [replacement, setReplacement] = useState(initial?.replacement ?? "");
  const [note, setNote] = useState(initial?.note ?? "");
  const [speaker, setSpeaker] = useState(initial?.speaker ?? "");
  // an empty "Replace with…" would be stored as "" — a deletion — which the editor did not choose
  const [emptyReplacement, setEmptyReplacement] = useState(false);
  const fieldError = (name: string) => (name === "replacement" && emptyReplacement ? "Type the replacement, or choose “Delete the text”." : error?.fields?.[name]);
  const dirty =
    category !== (initial?.category ?? "typo") ||
    (mode === "none" ? null : mode === "delete" ? "" : replacement) !== (initial?.replacement ?? null) ||
    note !== (initial?.note ?? "") ||
    speaker !== (initial?.speaker ?? "");

  return (
    <form
      aria-label={title}
      className="space-y-3 rounded border-2 border-blue-700 bg-white p-4 shadow"
      onSubmit={(e) => {
        e.preventDefault();
        if (mode === "replace" && replacement === "") {
          setEmptyReplacement(true);
          document.getElementById(`${id}-replacement`)?.focus();
          return;
        }
        onSubmit({
          category,
          replacement: mode === "none" ? null : mode === "delete" ? "" : replacement,
          note: note.trim() || null,
          speaker: category === "attribution" ? speaker.trim() || null : null,
        });
      }}
      onKeyDown={(e) => {
        // Escape closes the form; what was typed is not thrown away without asking
        if (e.key === "Escape" && (!dirty || window.confirm("Discard this annotation? What you typed will be lost."))) onCancel();
      }}
    >
      <h2 className="text-base font-semibold">{title}</h2>
      <blockquote className="max-h-24 overflow-auto border-l-4 border-stone-300 pl-2 font-serif text-sm text-stone-800">
        {quote.length > 300 ? `${quote.slice(0, 300)}…` : quote}
      </blockquote>
      <div>
        <label htmlFor={`${id}-category`} className="block text-sm font-medium">
          Category
        </label>
        <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value as AnnotationCategory)} className="input" autoFocus>
          {ANNOTATION_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Proposed change</legend>
        <div className="flex flex-wrap gap-3 text-sm">
          {(
            [
              ["none", "No change"],
              ["replace", "Replace with…"],
              ["delete", "Delete the text"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-1">
              <input type="radio" name={`${id}-mode`} value={value} checked={mode === value} onChange={() => setMode(value)} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === "replace" && (
        <div>
          <label htmlFor={`${id}-replacement`} className="block text-sm font-medium">
            Replacement
          </label>
          <input
            id={`${id}-replacement`}
            value={replacement}
            onChange={(e) => {
              setReplacement(e.target.value);
              setEmptyReplacement(false);
            }}
            className="input font-serif"
            aria-invalid={fieldError("replacement") ? true : undefined}
            aria-describedby={fieldError("replacement") ? `${id}-replacement-error` : undefined}
          />
          {fieldError("replacement") && <p id={`${id}-replacement-error`} className="text-sm text-red-800">{fieldError("replacement")}</p>}
        </div>
      )}
      {category === "attribution" && (
        <div>
          <label htmlFor={`${id}-speaker`} className="block text-sm font-medium">
            Speaker
          </label>
          <input
            id={`${id}-speaker`}
            value={speaker}
            onChange={(e) => setSpeaker(e.target.value)}
            className="input"
            aria-invalid={fieldError("speaker") ? true : undefined}
            aria-describedby={fieldError("speaker") ? `${id}-speaker-error` : undefined}
          />
          {fieldError("speaker") && <p id={`${id}-speaker-error`} className="text-sm text-red-800">{fieldError("speaker")}</p>}
        </div>
      )}
      <div>
        <label htmlFor={`${id}-note`} className="block text-sm font-medium">
          Note
        </label>
        <textarea
          id={`${id}-note`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
          className="input"
          aria-invalid={fieldError("note") ? true : undefined}
          aria-describedby={fieldError("note") ? `${id}-note-error` : undefined}
        />
        {fieldError("note") && <p id={`${id}-note-error`} className="text-sm text-red-800">{fieldError("note")}</p>}
      </div>
      {error && <ErrorNotice error={error} />}
      <div className="flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
