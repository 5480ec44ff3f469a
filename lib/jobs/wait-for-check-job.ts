import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RecheckResult } from "@/lib/suggestions/recheck-article";

/**
 * Wait (polling the table, so any runner on any server may do the work) until a job settles, and
 * report like a direct run would: the result when done, too_long_to_check when stopped, an error when
 * it failed for good. A job still waiting when the time is up keeps going: the page shows it.
 */
export async function waitForCheckJob(db: Db, jobId: string, { timeoutMs, pollMs = 250 }: { timeoutMs: number; pollMs?: number }): Promise<RecheckResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await db.checkJob.findUnique({ where: { id: jobId }, select: { status: true, revisionId: true, error: true, updatedAt: true } });
    if (!job) throw new AppError("not_found", "The article was deleted while its checks waited.");
    if (job.status === "done") {
      const run = await db.checkRun.findFirst({
        where: { revisionId: job.revisionId, status: "done" },
        orderBy: { createdAt: "desc" },
        select: { id: true, findings: true, added: true },
      });
      return { checkRunId: run?.id ?? "", findings: run?.findings ?? 0, added: run?.added ?? 0 };
    }
    if (job.status === "too_long") throw new AppError("too_long_to_check", job.error ?? "The checks stopped: the article is too long to check in the time allowed.");
    if (job.status === "failed") throw new AppError("conflict", "The checks failed; press Re-check to try again.");
    if (Date.now() >= deadline) throw new AppError("conflict", "The checks are queued and still waiting for a free checker; the suggestions appear on the page when they are done.");
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
