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
 * Re-reads the page (router.refresh: the server renders with the viewer's own permissions) when the
 * live stream says something changed — at once if the viewer is idle, otherwise as soon as they are.
 * `article` narrows the stream to one article and adds who else has it open.
 */
export function useLiveRefresh(article: string | null): { people: LivePerson[]; waiting: boolean } {
  const router = useRouter();
  const [people, setPeople] = useState<LivePerson[]>([]);
  const [waiting, setWaiting] = useState(false);
  const pending = useRef(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      if (!pending.current) return;
      if (pageIsBusy()) {
        setWaiting(true);
        // check again shortly: focus can leave a field without an event we listen to (a re-render)
        timer = setTimeout(flush, 1000);
        return;
      }
      pending.current = false;
      setWaiting(false);
      router.refresh();
    };
    const changed = () => {
      pending.current = true;
      clearTimeout(timer);
      // several events in a burst (a bulk approval) make one refresh
      timer = setTimeout(flush, 150);
    };
    const onIdle = () => setTimeout(flush, 0);

    const source = new EventSource(article ? `/api/events?article=${encodeURIComponent(article)}` : "/api/events");
    let dropped = false;
    source.addEventListener("change", changed);
    source.addEventListener("presence", (e) => setPeople(JSON.parse((e as MessageEvent<string>).data) as LivePerson[]));
    source.addEventListener("error", () => {
      dropped = true;
    });
    source.addEventListener("open", () => {
      // events sent while the connection was down are lost: re-read once
      if (dropped) changed();
      dropped = false;
    });
    document.addEventListener("focusout", onIdle);
    document.addEventListener("pointerup", onIdle);
    document.addEventListener("keyup", onIdle);
    return () => {
      clearTimeout(timer);
      source.close();
      document.removeEventListener("focusout", onIdle);
      document.removeEventListener("pointerup", onIdle);
      document.removeEventListener("keyup", onIdle);
    };
  }, [article, router]);

  return { people, waiting };
}
