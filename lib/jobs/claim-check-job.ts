import type { Db } from "@/lib/db";
import { staleAfterMs } from "@/lib/suggestions/check-run-status";
import { MAX_ATTEMPTS } from "./retry-policy";

export interface ClaimedCheckJob {
  id: string;
  revisionId: string;
  reason: string;
  requestedById: string;
  /** including this one */
  attempts: number;
  /** the previous holder's lease ran out: its process died mid-run */
  reclaimed: boolean;
}

export interface ClaimOptions {
  runner: string;
  /** how long the job is this runner's; past it, another runner may take it. Default: the checks' budget + 60 s */
  leaseMs?: number;
  now?: Date;
}

/**
 * Take the next job that is due: a queued one whose backoff is over, or a running one whose runner's
 * lease ran out. The read picks a candidate; the guarded update (same status, same attempt count)
 * takes it, so of two runners (threads, processes or servers) exactly one gets it — on PostgreSQL
 * the second update re-reads the row after the first commits and matches nothing.
 */
export async function claimCheckJob(db: Db, { runner, leaseMs = staleAfterMs(), now = new Date() }: ClaimOptions): Promise<ClaimedCheckJob | null> {
  // a job that took its runner down every time is not tried forever
  await db.checkJob.updateMany({
    where: { status: "running", lockedUntil: { lt: now }, attempts: { gte: MAX_ATTEMPTS } },
    data: { status: "failed", lockedBy: null, lockedUntil: null, error: `Its runner stopped ${MAX_ATTEMPTS} times before the checks finished.` },
  });
  for (let tries = 0; tries < 5; tries++) {
    const job = await db.checkJob.findFirst({
      where: { OR: [{ status: "queued", runAfter: { lte: now } }, { status: "running", lockedUntil: { lt: now } }] },
      orderBy: { runAfter: "asc" },
      select: { id: true, revisionId: true, reason: true, requestedById: true, status: true, attempts: true },
    });
    if (!job) return null;
    const { count } = await db.checkJob.updateMany({
      where: { id: job.id, status: job.status, attempts: job.attempts },
      data: { status: "running", lockedBy: runner, lockedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
    });
    if (count === 1) {
      return { id: job.id, revisionId: job.revisionId, reason: job.reason, requestedById: job.requestedById, attempts: job.attempts + 1, reclaimed: job.status === "running" };
    }
  }
  return null; // lost every race: others are busy with the queue; poll again later
}
