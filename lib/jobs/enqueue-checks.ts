import type { Tx } from "@/lib/db";
import { wakeCheckWorkers } from "./wake";

/**
 * ingest and recheck: the whole text. applied (changes applied) and relabel (a block's kind changed):
 * only the paragraphs that differ from the previous revision, whose findings moved onto this one.
 */
export type CheckJobReason = "ingest" | "recheck" | "applied" | "relabel";

/** Reasons whose job keeps only findings in the paragraphs that changed since the previous revision. */
export const ONLY_CHANGED: ReadonlySet<string> = new Set<CheckJobReason>(["applied", "relabel"]);
export type CheckJobStatus = "queued" | "running" | "done" | "failed" | "too_long";

export interface EnqueueChecksOptions {
  /** the caller's transaction, when the job must exist exactly when the revision does */
  db: Tx;
  revisionId: string;
  reason: CheckJobReason;
  /** whose checks these are (the suggestions' author) */
  requestedById: string;
}

/**
 * Order the checks of a revision. A revision has one job: while it waits or runs, asking again
 * changes nothing; once finished (done, failed, too long), asking again re-arms it with fresh attempts.
 * Written in the caller's transaction, so a revision committed without its job cannot happen.
 */
export async function enqueueChecks({ db, revisionId, reason, requestedById }: EnqueueChecksOptions): Promise<{ id: string; status: CheckJobStatus }> {
  const existing = await db.checkJob.findUnique({ where: { revisionId }, select: { id: true, status: true } });
  if (!existing) {
    try {
      const job = await db.checkJob.create({ data: { revisionId, reason, requestedById, status: "queued" }, select: { id: true } });
      wakeCheckWorkers();
      return { id: job.id, status: "queued" };
    } catch (e) {
      // two presses at once: the other one created it; fall through and read it
      if ((e as { code?: string }).code !== "P2002") throw e;
      return enqueueChecks({ db, revisionId, reason, requestedById });
    }
  }
  const { count } = await db.checkJob.updateMany({
    where: { id: existing.id, status: { in: ["done", "failed", "too_long"] } },
    data: { status: "queued", reason, requestedById, attempts: 0, runAfter: new Date(), lockedBy: null, lockedUntil: null, error: null },
  });
  if (count === 0) return { id: existing.id, status: existing.status as CheckJobStatus };
  wakeCheckWorkers();
  return { id: existing.id, status: "queued" };
}

/**
 * Order the checks of a revision just made from `previousRevisionId` (in the same transaction). Only
 * its changed paragraphs need checking when the previous revision's checks finished: their findings
 * moved onto the new one. If they had not finished (waiting, running, failed, too long, or never
 * ordered), the unchanged paragraphs were never checked either, and a job limited to the changes
 * would leave them so for good: then the new revision is checked in full.
 */
export async function enqueueChecksOfNextRevision({ db, previousRevisionId, revisionId, reason, requestedById }: {
  db: Tx;
  previousRevisionId: string;
  revisionId: string;
  reason: "applied" | "relabel";
  requestedById: string;
}): Promise<{ id: string; status: CheckJobStatus }> {
  const previous = await db.checkJob.findUnique({ where: { revisionId: previousRevisionId }, select: { status: true } });
  return enqueueChecks({ db, revisionId, reason: previous?.status === "done" ? reason : "recheck", requestedById });
}
