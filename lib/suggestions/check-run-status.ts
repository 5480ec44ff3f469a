import type { Db } from "@/lib/db";
import { env } from "@/lib/env";

export type CheckRunStatus = "running" | "done" | "failed" | "too_long" | "interrupted";

/**
 * A run still "running" well past its budget was cut off with its process (a restart, a crash, a
 * kill): nothing will ever finish it. Past this age it is shown, and stored, as interrupted.
 */
export function staleAfterMs(): number {
  return env.CHECK_BUDGET_MS + 60_000;
}

/** The state to show for a stored run, reading a long-silent "running" as interrupted. */
export function checkRunStatus(run: { status: string; createdAt: Date }, now = new Date()): CheckRunStatus {
  if (run.status === "running" && now.getTime() - run.createdAt.getTime() > staleAfterMs()) return "interrupted";
  return run.status as CheckRunStatus;
}

/**
 * Record cut-off runs as interrupted, so the stored state, the audit and the page agree. Two ways to
 * know a run was cut off: it is an article's run still "running" past staleAfterMs (re-check time), or
 * its check job was taken over from a runner whose lease ran out (that runner will never finish it,
 * whatever its age).
 */
export async function markInterruptedRuns(db: Db, scope: { articleId: string } | { revisionId: string }, now = new Date()): Promise<number> {
  const where =
    "revisionId" in scope
      ? { status: "running", revisionId: scope.revisionId }
      : { status: "running", createdAt: { lt: new Date(now.getTime() - staleAfterMs()) }, revision: { articleId: scope.articleId } };
  const { count } = await db.checkRun.updateMany({
    where,
    data: { status: "interrupted", error: "The process running these checks ended before they finished.", finishedAt: now },
  });
  return count;
}
