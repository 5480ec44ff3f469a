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

/** Record the article's cut-off runs as interrupted, so the state and the audit agree with the page. */
export async function markStaleCheckRuns(db: Db, articleId: string, now = new Date()): Promise<number> {
  const { count } = await db.checkRun.updateMany({
    where: { status: "running", createdAt: { lt: new Date(now.getTime() - staleAfterMs()) }, revision: { articleId } },
    data: { status: "interrupted", error: "The process running these checks ended before they finished.", finishedAt: now },
  });
  return count;
}

/**
 * A check job was taken over from a runner whose lease ran out: that runner's run of the revision
 * will never finish, whatever its age, so it is recorded as interrupted now rather than after staleAfterMs.
 */
export async function markRunsOfDeadRunner(db: Db, revisionId: string, now = new Date()): Promise<number> {
  const { count } = await db.checkRun.updateMany({
    where: { status: "running", revisionId },
    data: { status: "interrupted", error: "The process running these checks ended before they finished.", finishedAt: now },
  });
  return count;
}
