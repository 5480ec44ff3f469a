"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export interface LivePerson {
  id: string;
  name: string;
  role: string;
}

/**
 * Someone is at work on this page: typing in a field, holding a text selection, or with a form open
 * (a component marks that with `data-live-hold`). A refresh then waits, so an update from someone
 * else never moves the ground under them; a save of a card that changed meanwhile is still refused
 * by the server (409) as before.
 */
export function pageIsBusy(): boolean {
  const el = document.activeElement;
  if (el instanceof HTMLElement && el.matches('textarea, select, [contenteditable="true"], input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"])')) return true;
  if (document.querySelector("[data-live-hold]")) return true;
  const selection = document.getSelection();
  return !!selection && !selection.isCollapsed && selection.toString().trim() !== "";
}

/**
 * The least time between two re-reads of one page. A desk page (the list, the review queue) hears of
 * every article's changes: on a busy desk that is several a second, and every open desk page
 * re-rendering for each would cost the servers more than the work itself. An article page hears of
 * its own article only.
 */
const MIN_GAP_MS = { desk: 2_000, article: 500 };

/** Waits before opening a closed stream again: 1 s, 2 s, 4 s … at most 30 s, each with some jitter. */
export function reopenDelayMs(failures: number, random = Math.random): number {
  return Math.min(30_000, 1_000 * 2 ** Math.min(failures, 5)) * (0.75 + 0.5 * random());
}

/**
 * Re-reads the page (router.refresh: the server renders with the viewer's own permissions) when the
 * live stream says something changed — at once if the viewer is idle, otherwise as soon as they are.
 * `article` narrows the stream to one article and adds who else has it open. `renderedAt` (the
 * server's clock when it rendered the page) lets the server say whether something changed before
 * the stream opened.
 */
export function useLiveRefresh(article: string | null, renderedAt: number): { people: LivePerson[]; waiting: boolean } {
  const router = useRouter();
  const [people, setPeople] = useState<LivePerson[]>([]);
  const [waiting, setWaiting] = useState(false);
  const pending = useRef(false);
  // read when the stream opens: a refresh renders the page anew, but must not reopen the stream
  const rendered = useRef(renderedAt);
  useEffect(() => {
    rendered.current = renderedAt;
  }, [renderedAt]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastRefresh = -Infinity;
    const minGap = article ? MIN_GAP_MS.article : MIN_GAP_MS.desk;
    const flush = () => {
      clearTimeout(timer);
      if (!pending.current) return;
      const wait = lastRefresh + minGap - performance.now();
      if (wait > 0) {
        timer = setTimeout(flush, wait);
        return;
      }
      if (pageIsBusy()) {
        setWaiting(true);
        // check again shortly: focus can leave a field without an event we listen to (a re-render)
        timer = setTimeout(flush, 1000);
        return;
      }
      pending.current = false;
      setWaiting(false);
      lastRefresh = performance.now();
      router.refresh();
    };
    const changed = () => {
      // a re-read is already on its way; pushing it back with each event would starve the page of
      // updates while events keep coming (a busy desk)
      if (pending.current) return;
      pending.current = true;
      // several events in a burst (a bulk approval) make one refresh
      timer = setTimeout(flush, 150);
    };
    let idle: ReturnType<typeof setTimeout> | undefined;
    const onIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(flush, 0);
    };

    let source: EventSource | null = null;
    let dropped = false;
    let failures = 0;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      const params = new URLSearchParams({ since: String(rendered.current) });
      if (article) params.set("article", article);
      const s = new EventSource(`/api/events?${params}`);
      source = s;
      s.addEventListener("change", changed);
      s.addEventListener("presence", (e) => setPeople(JSON.parse((e as MessageEvent<string>).data) as LivePerson[]));
      // the server ended the stream because this browser's session is gone. The page re-reads, and
      // the server sends a signed-out browser to sign in, but like any update only once nobody is
      // typing: an open form keeps what was typed, and its save says how to sign in again. The
      // stream is tried again later (refused until then), so a browser signed in again resumes.
      s.addEventListener("ended", () => {
        s.close();
        setPeople([]);
        changed();
        reopen = setTimeout(open, reopenDelayMs(failures++));
      });
      s.addEventListener("error", () => {
        dropped = true;
        // The browser retries a dropped stream by itself, but never one answered with an error
        // status (a balancer's 502 while servers restart, a 500): that one stays closed, and the page
        // would silently stop updating. Open it again after a while.
        if (s.readyState !== EventSource.CLOSED) return;
        s.close();
        setPeople([]);
        reopen = setTimeout(open, reopenDelayMs(failures++));
      });
      s.addEventListener("open", () => {
        failures = 0;
        // events sent while the connection was down are lost: re-read once
        if (dropped) changed();
        dropped = false;
      });
    };
    open();
    document.addEventListener("focusout", onIdle);
    document.addEventListener("pointerup", onIdle);
    document.addEventListener("keyup", onIdle);
    return () => {
      clearTimeout(timer);
      clearTimeout(idle);
      clearTimeout(reopen);
      // the next page (or the same one for another article) starts with nothing pending
      pending.current = false;
      source?.close();
      document.removeEventListener("focusout", onIdle);
      document.removeEventListener("pointerup", onIdle);
      document.removeEventListener("keyup", onIdle);
    };
  }, [article, router]);

  return { people, waiting };
}
