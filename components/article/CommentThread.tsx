"use client";

import { useId, useState, useTransition } from "react";
import { addCommentAction } from "@/app/articles/[id]/review-actions";
import type { AnnotationView } from "@/lib/annotations/annotation-view";

/** The discussion under one annotation. Collapsed until opened, so the panel stays scannable. */
export function CommentThread({ articleId, annotation, canComment }: { articleId: string; annotation: AnnotationView; canComment: boolean }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const [comments, setComments] = useState(annotation.comments);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const count = comments.length;

  return (
    <div className="mt-2 border-t border-stone-200 pt-2" onClick={(e) => e.stopPropagation()}>
      <button type="button" className="text-xs text-blue-900 underline" aria-expanded={open} aria-controls={`${id}-thread`} onClick={() => setOpen(!open)}>
        Comments ({count})
      </button>
      {open && (
        <div id={`${id}-thread`} className="mt-1 space-y-2">
          <ol className="space-y-1">
            {comments.map((c) => (
              <li key={c.id} className="rounded bg-stone-100 p-2 text-xs">
                <span className="font-semibold">{c.authorName}</span>: <span className="whitespace-pre-wrap">{c.body}</span>
              </li>
            ))}
          </ol>
          {canComment && (
            <form
              className="space-y-1"
              onSubmit={(e) => {
                e.preventDefault();
                start(async () => {
                  const r = await addCommentAction({ articleId, annotationId: annotation.id, body });
                  if (!r.ok) return setError(r.error.fields?.body ?? r.error.message);
                  setComments((list) => [...list, r.data]);
                  setBody("");
                  setError(null);
                });
              }}
            >
              <label htmlFor={`${id}-body`} className="sr-only">
                Add a comment
              </label>
              <textarea
                id={`${id}-body`}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                rows={2}
                placeholder="Add a comment"
                className="input text-xs"
                aria-describedby={error ? `${id}-error` : undefined}
              />
              {error && (
                <p id={`${id}-error`} role="alert" className="text-xs text-red-800">
                  {error}
                </p>
              )}
              <button type="submit" className="btn btn-secondary" disabled={pending || !body.trim()}>
                Comment
              </button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
