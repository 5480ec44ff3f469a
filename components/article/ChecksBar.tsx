"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ErrorNotice } from "@/components/ui/ErrorNotice";
import type { ChecksView } from "@/lib/articles/get-article";
import type { ActionError } from "@/lib/errors";

const POLL_MS = 800;
// a failed job is retried after a backoff of seconds to minutes: no need to ask as often meanwhile
const RETRY_POLL_MS = 5_000;
// An article ingested elsewhere (an older import) may never have been checked: stop waiting after this.
const GIVE_UP_MS = 20_000;

/**
 * Where the automatic checks stand. Checks run as a queued job after the page is sent, so while the
 * current revision's job waits, runs or waits for its retry, this bar says so and refreshes the page
 * data until the suggestions are in.
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
  // a queued or running job always ends (done, retry, failed, too long); "none" may be an old import never checked
  const working = status === "queued" || status === "running";
  const waiting = working || status === "retrying" || (status === "none" && !gaveUp);
  useEffect(() => {
    if (!waiting) return;
    const poll = setInterval(() => router.refresh(), status === "retrying" ? RETRY_POLL_MS : POLL_MS);
    const stop = setTimeout(() => setGaveUp(true), GIVE_UP_MS);
    return () => {
      clearInterval(poll);
      clearTimeout(stop);
    };
  }, [waiting, status, router]);

  return (
    <div className="flex flex-wrap items-center gap-3 rounded border border-stone-300 bg-white px-3 py-2 text-sm">
      <p role="status" className="flex-1">
        {working || (waiting && status === "none") ? "Checking the article…" : message(checks, suggestions)}
      </p>
      {canRun && (
        <button type="button" className="btn btn-secondary" onClick={onRecheck} disabled={pending}>
          {status === "failed" ? "Retry" : "Re-check"}
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
    case "queued":
    case "running":
      return "Not checked yet: press Re-check.";
    case "retrying":
      return "The checks failed; trying again shortly…";
    case "failed":
      return "Checks failed — press Retry to run them again.";
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
