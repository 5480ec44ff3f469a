"use client";

import Link from "next/link";
import { useState } from "react";
import { ErrorNotice } from "@/components/ui/ErrorNotice";
import { LocalTime } from "@/components/ui/LocalTime";
import { ExportMenu } from "./ExportMenu";
import type { SentBack } from "@/lib/review/sent-back";
import type { ActionError } from "@/lib/errors";

interface ArticleStatusBarProps {
  articleId: string;
  status: string;
  canSubmit: boolean;
  canDecideArticle: boolean;
  /** why this person may not approve (four-eyes on relabelled blocks), or null */
  approveRefusal: string | null;
  /** the reviewer's comment that sent the article back to editing, while it is there */
  sentBack: SentBack | null;
  /** changes the reviewer sent back one by one: the editor can act on them once the article is sent back */
  reworkCount: number;
  /** marks someone still has to act on (lib/workflow PENDING): approval waits until there are none */
  pendingCount: number;
  pending: boolean;
  /** the last article-level action failed: said here, beside its buttons */
  error: ActionError | null;
  onSubmit: () => void;
  onApproveArticle: () => void;
  onRequestChanges: (comment: string) => void;
}

/** The article's stage and the next step for the signed-in role, with history, audit and exports. */
export function ArticleStatusBar(p: ArticleStatusBarProps) {
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState("");
  return (
    <div className="mb-4 flex flex-wrap items-center gap-2 rounded border border-stone-300 bg-white p-2 text-sm">
      {p.sentBack && (
        <section aria-label="Sent back to editing" className="w-full rounded border border-amber-400 bg-amber-50 p-2 text-stone-900">
          <p className="font-semibold">
            Sent back by {p.sentBack.by} · <LocalTime iso={p.sentBack.at} />
          </p>
          <p className="whitespace-pre-wrap">{p.sentBack.comment}</p>
        </section>
      )}
      {p.canSubmit && (p.status === "ingested" || p.status === "editing") && (
        <button type="button" className="btn btn-primary" onClick={p.onSubmit} disabled={p.pending}>
          Submit for review
        </button>
      )}
      {p.canDecideArticle && p.status === "in_review" && (
        <>
          <button
            type="button"
            className="btn btn-primary"
            onClick={p.onApproveArticle}
            disabled={p.pending || p.pendingCount > 0 || p.approveRefusal !== null}
            title={p.pendingCount > 0 ? "Decide every change and handle every machine finding first" : undefined}
            aria-describedby={p.approveRefusal ? "approve-refusal" : undefined}
          >
            Approve article
          </button>
          {p.approveRefusal && (
            <span id="approve-refusal" className="text-xs text-stone-700">
              {p.approveRefusal}
            </span>
          )}
          {!p.approveRefusal && p.pendingCount > 0 && (
            <span className="text-xs text-stone-700">
              {p.pendingCount} still open (changes to decide, findings to accept, dismiss or waive)
              {p.reworkCount > 0 && `; ${p.reworkCount === 1 ? "1 change is" : `${p.reworkCount} changes are`} sent back for rework: send the article back to editing so the editor can act on ${p.reworkCount === 1 ? "it" : "them"}`}
            </span>
          )}
          <button type="button" className="btn btn-secondary" onClick={() => setAsking(!asking)} disabled={p.pending} aria-expanded={asking}>
            Request changes…
          </button>
        </>
      )}
      <span className="ml-auto flex gap-3">
        <Link href={`/articles/${p.articleId}/history`} className="text-blue-900 underline">
          History
        </Link>
        <Link href={`/articles/${p.articleId}/audit`} className="text-blue-900 underline">
          Audit
        </Link>
        <ExportMenu articleId={p.articleId} />
      </span>
      {p.error && (
        <div className="w-full">
          <ErrorNotice error={p.error} />
        </div>
      )}
      {asking && (
        <form
          aria-label="Request changes on the article"
          className="flex w-full items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            p.onRequestChanges(comment);
          }}
        >
          <div className="flex-1">
            <label htmlFor="article-request" className="block text-xs font-medium">
              What should the editor do?
            </label>
            <input id="article-request" value={comment} onChange={(e) => setComment(e.target.value)} className="input" required />
          </div>
          <button type="submit" className="btn btn-primary" disabled={!comment.trim() || p.pending}>
            Send back to editing
          </button>
        </form>
      )}
    </div>
  );
}
