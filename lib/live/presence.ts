import { randomUUID } from "node:crypto";
import type { LiveBus } from "./bus";
import type { Person } from "./messages";

export interface PresenceOptions {
  /** how often each open page is announced again */
  heartbeatMs?: number;
  /** an entry not announced again within this is gone (its server died without saying so) */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Who has which article open, across every app server. Each process announces its own open pages
 * on the bus when they open, every heartbeat while they stay open, and when they close; it keeps
 * everyone's announcements for a short time-to-live. When a page it has not seen appears, a process
 * announces its own pages on that article at once, so a newcomer does not wait a heartbeat to see
 * who is already there.
 */
export function createPresence(bus: LiveBus, { heartbeatMs = 10_000, ttlMs = 25_000, now = Date.now }: PresenceOptions = {}) {
  const seen = new Map<string, { articleId: string; person: Person; expires: number }>();
  const local = new Map<string, { articleId: string; person: Person }>();
  const watchers = new Map<string, Set<() => void>>();

  const notify = (articleId: string) => watchers.get(articleId)?.forEach((fn) => fn());
  const announce = (conn: string, state: "here" | "gone") => {
    const l = local.get(conn);
    if (l) bus.publish({ kind: "presence", conn, state, ...l }).catch(() => {});
  };

  const unsubscribe = bus.subscribe((m) => {
    if (m.kind !== "presence") return;
    if (m.state === "gone") {
      if (seen.delete(m.conn)) notify(m.articleId);
      return;
    }
    const known = seen.has(m.conn);
    seen.set(m.conn, { articleId: m.articleId, person: m.person, expires: now() + ttlMs });
    if (known) return;
    notify(m.articleId);
    if (!local.has(m.conn)) for (const [conn, l] of local) if (l.articleId === m.articleId) announce(conn, "here");
  });

  function sweep() {
    for (const [conn, e] of seen) {
      if (e.expires <= now()) {
        seen.delete(conn);
        notify(e.articleId);
      }
    }
  }
  const timer = setInterval(() => {
    for (const conn of local.keys()) announce(conn, "here");
    sweep();
  }, heartbeatMs);
  timer.unref();

  return {
    /** This process opened the article for `person`; call the result when the page goes away. */
    join(articleId: string, person: Person): () => void {
      const conn = randomUUID();
      local.set(conn, { articleId, person });
      announce(conn, "here");
      return () => {
        announce(conn, "gone");
        local.delete(conn);
      };
    },
    /** Everyone on the article, once each, in name order. */
    list(articleId: string): Person[] {
      sweep();
      const people = new Map<string, Person>();
      for (const e of seen.values()) if (e.articleId === articleId) people.set(e.person.id, e.person);
      return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    /** `fn` runs whenever the list for this article may have changed. */
    watch(articleId: string, fn: () => void): () => void {
      const set = watchers.get(articleId) ?? new Set();
      set.add(fn);
      watchers.set(articleId, set);
      return () => {
        set.delete(fn);
        if (set.size === 0) watchers.delete(articleId);
      };
    },
    close() {
      clearInterval(timer);
      unsubscribe();
    },
  };
}

export type Presence = ReturnType<typeof createPresence>;
