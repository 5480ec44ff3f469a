"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ErrorNotice } from "@/components/ui/ErrorNotice";
import type { ChecksView } from "@/lib/articles/get-article";
import type { ActionError } from "@/lib/errors";

const POLL_MS = 800;
// An article ingested elsewhere (an older import) may never have been checked: stop waiting after this.
const GIVE_UP_MS = 20_000;

/**
 * Where the automatic checks stand. Checks run after the page is sent, so until the newest run
 * is done this bar says "Checking…" and refreshes the page data until the suggestions are in.
 */
export function ChecksBar({
  checks,
  suggestions,
  canRun,
  pending,
  error,
  onRecheck,
}: {
  checks: ChecksView;
  suggestions: number;
  canRun: boolean;
  pending: boolean;
  /** a re-check that failed (too long, locked): said here, beside the button */
  error: ActionError | null;
  onRecheck: () => void;
}) {
  const router = useRouter();
  const { status } = checks;
  const [gaveUp, setGaveUp] = useState(false);
  // a fresh article is checked right after ingest; wait for that run (and any re-check) to finish
  const waiting = (status === "running" || status === "none") && !gaveUp;
  useEffect(() => {
    if (!waiting) return;
    const poll = setInterval(() => router.refresh(), POLL_MS);
    const stop = setTimeout(() => setGaveUp(true), GIVE_UP_MS);
    return () => {
      clearInterval(poll);
      clearTimeout(stop);
    };
  }, [waiting, router]);

  return (
    <div className="flex flex-wrap items-center gap-3 rounded border border-stone-300 bg-white px-3 py-2 text-sm">
      <p role="status" className="flex-1">
        {waiting ? "Checking the article…" : message(checks, suggestions)}
      </p>
      {canRun && (
        <button type="button" className="btn btn-secondary" onClick={onRecheck} disabled={pending}>
          Re-check
        </button>
      )}
      {error && (
        <div className="w-full">
          <ErrorNotice error={error} />
        </div>
      )}
    </div>
  );
}

function message(checks: ChecksView, suggestions: number): string {
  switch (checks.status) {
    case "none":
    case "running":
      return "Not checked yet: press Re-check.";
    case "failed":
      return "The checks failed; try Re-check.";
    case "too_long":
      return "Checks stopped: the article is too long to check in the time allowed. Mark it by hand, or split it and check the parts.";
    case "interrupted":
      return "The checks were interrupted (the server stopped while they ran); press Re-check.";
    case "done":
      return `${suggestions} suggestion${suggestions === 1 ? "" : "s"} from the automatic checks${
        checks.current ? "" : ` (run on revision ${checks.revisionNumber}; Re-check for the current text)`
      }.`;
  }
}
