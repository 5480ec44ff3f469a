import { assertCan, type Actor } from "@/lib/auth/roles";
import { assertArticleOpen } from "@/lib/articles/assert-article-open";
import { currentRevision } from "@/lib/articles/current-revision";
import type { Db } from "@/lib/db";
import { enqueueChecks } from "./enqueue-checks";

/**
 * Re-check pressed: queue the checks of the article's current revision (again, if they ran or
 * stopped as too long). Who may ask, and when, is decided here; the runner then runs the job as a
 * system path.
 */
export async function requestRecheck({ db, actor, articleId }: { db: Db; actor: Actor; articleId: string }) {
  assertCan(actor, "checks:run");
  await assertArticleOpen(db, articleId);
  const revision = await currentRevision(db, articleId);
  const job = await enqueueChecks({ db, revisionId: revision.id, reason: "recheck", requestedById: actor.id });
  return { jobId: job.id, revisionId: revision.id };
}
