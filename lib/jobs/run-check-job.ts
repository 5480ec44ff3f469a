import type { Role } from "@/lib/auth/roles";
import { CheckBudgetExceeded } from "@/lib/checks/worker/run-checks-off-thread";
import type { Db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { markInterruptedRuns } from "@/lib/suggestions/check-run-status";
import { publishChange } from "@/lib/live/publish";
import { recheckArticle } from "@/lib/suggestions/recheck-article";
import type { ClaimedCheckJob } from "./claim-check-job";
import { ONLY_CHANGED, type CheckJobStatus } from "./enqueue-checks";
import { retryDelayMs } from "./retry-policy";

export interface RunCheckJobOptions {
  budgetMs?: number;
  now?: () => Date;
}

/**
 * Run a claimed job: recheckArticle over its revision, then record the outcome — done; too long
 * (final until someone presses Re-check); or, on any other error, queued again after a backoff
 * until the attempts run out (failed). Writes are guarded by runner and attempt, so a runner that
 * lost its lease (too slow, then taken over) cannot overwrite the new holder's outcome.
 */
export async function runCheckJob(db: Db, job: ClaimedCheckJob, runner: string, { budgetMs, now = () => new Date() }: RunCheckJobOptions = {}): Promise<CheckJobStatus> {
  const finish = async (status: CheckJobStatus, data: { error?: string | null; runAfter?: Date } = {}) => {
    await db.checkJob.updateMany({
      where: { id: job.id, lockedBy: runner, attempts: job.attempts, status: "running" },
      data: { status, lockedBy: null, lockedUntil: null, error: data.error ?? null, ...(data.runAfter ? { runAfter: data.runAfter } : {}) },
    });
    // open pages leave "Checking…" for the suggestions (or the failure) without a reload
    const revision = await db.revision.findUnique({ where: { id: job.revisionId }, select: { articleId: true } });
    if (revision) publishChange(revision.articleId, "checks", job.requestedById);
    return status;
  };
  try {
    if (job.reclaimed) await markInterruptedRuns(db, { revisionId: job.revisionId }, now());
    const target = await db.revision.findUnique({
      where: { id: job.revisionId },
      select: { articleId: true, article: { select: { status: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } } } },
    });
    // moot: a newer revision has its own job; an approved article takes no new marks
    if (!target || target.article.revisions[0]?.id !== job.revisionId || target.article.status === "approved") return await finish("done");
    const user = await db.user.findUniqueOrThrow({ where: { id: job.requestedById }, select: { id: true, name: true, email: true, role: true } });
    await recheckArticle({
      db,
      actor: { ...user, role: user.role as Role },
      articleId: target.articleId,
      budgetMs,
      job: { onlyChanged: ONLY_CHANGED.has(job.reason) },
    });
    return await finish("done");
  } catch (e) {
    const error = String(e instanceof Error ? e.message : e).slice(0, 500);
    if (e instanceof CheckBudgetExceeded || (isAppError(e) && e.code === "too_long_to_check")) return finish("too_long", { error });
    const delay = retryDelayMs(job.attempts);
    if (delay === null) return finish("failed", { error });
    return finish("queued", { error, runAfter: new Date(now().getTime() + delay) });
  }
}
