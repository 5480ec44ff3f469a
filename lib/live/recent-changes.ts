import type { LiveBus } from "./bus";

/**
 * When this process last heard of a change, per article and anywhere, for the last KEEP_MS. A page is
 * rendered, then its browser loads and hydrates it before it opens its live stream (0.5–3 s): a
 * change committed in between reaches no stream. The stream asks here whether the page it serves
 * may have missed one (`?since=` the page's render time) and, if so, tells it to re-read at once.
 */
export interface RecentChanges {
  changedSince(articleId: string | null, since: number): boolean;
  /** articles remembered now: those changed in the last minute */
  tracked(): number;
  close(): void;
}

/** Longer than any page takes from its render to its stream; what is older is forgotten. */
const KEEP_MS = 60_000;
/** Clocks of two app servers differ a little: a change this close before the render counts as after it. */
const CLOCK_MARGIN_MS = 1_000;

export function createRecentChanges(bus: LiveBus, now: () => number = Date.now): RecentChanges {
  // in order of last change (an article is re-inserted when it changes again), oldest first
  const byArticle = new Map<string, number>();
  let anywhere = -Infinity;
  /** the bus lost its connection then: any article may have changed unheard */
  let unknownSince = -Infinity;
  const forgetOld = (at: number) => {
    for (const [id, last] of byArticle) {
      if (at - last <= KEEP_MS) break;
      byArticle.delete(id);
    }
  };
  const unsubscribe = bus.subscribe(
    (m) => {
      if (m.kind !== "change") return;
      const at = now();
      anywhere = at;
      byArticle.delete(m.articleId);
      byArticle.set(m.articleId, at);
      forgetOld(at);
    },
    () => {
      unknownSince = now();
    },
  );
  const recent = (at: number | undefined, since: number) => at !== undefined && at >= since - CLOCK_MARGIN_MS && now() - at <= KEEP_MS;
  return {
    changedSince(articleId, since) {
      if (!Number.isFinite(since)) return false;
      return recent(unknownSince, since) || recent(articleId === null ? anywhere : byArticle.get(articleId), since);
    },
    tracked: () => byArticle.size,
    close: unsubscribe,
  };
}
