import type { Change } from "./messages";
import { liveBus } from "./live";

/**
 * Tell every open page that an article changed. Call it only after the transaction has committed
 * (a page that re-reads at once must find the change), and never let it fail the use case: the
 * change is saved, and a missed event only means someone sees it on their next reload.
 */
export function publishChange(articleId: string, what: Change, actorId: string): void {
  liveBus()
    .publish({ kind: "change", articleId, what, actorId })
    .catch((e) => console.error("live: could not publish", e));
}

/** Wait for the use case's transaction to commit, then announce what it changed. Failures announce nothing. */
export async function announce<T>(committed: Promise<T>, actor: { id: string }, change: (result: T) => { articleId: string; what: Change }): Promise<T> {
  const result = await committed;
  const { articleId, what } = change(result);
  publishChange(articleId, what, actor.id);
  return result;
}
