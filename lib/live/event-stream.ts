import type { LiveBus } from "./bus";
import type { Person } from "./messages";
import type { Presence } from "./presence";
import { onShutdown } from "@/lib/shutdown";

export interface StreamOptions {
  bus: LiveBus;
  presence: Presence;
  viewer: Person;
  /** one article's page (its changes and who else is on it), or null for the desk (every article's changes) */
  articleId: string | null;
  /** comment lines keep proxies from closing an idle stream and show a dead client quickly */
  pingMs?: number;
  /** the request's: aborted when the browser goes away */
  signal?: AbortSignal;
  /** something changed after the page was rendered, before this stream opened: the page re-reads at once */
  missed?: boolean;
  /**
   * Whether the viewer may still read (their session still there, their role still one that reads),
   * asked every recheckMs. An open stream outlives the request that checked it: without this, a
   * browser signed out elsewhere (or a user an admin removed) would go on hearing of changes and
   * showing as present on the article until it closed the page.
   */
  stillAllowed?: () => Promise<boolean>;
  recheckMs?: number;
}

/**
 * The Server-Sent Events body for one open page. Events name only the article and what kind of
 * thing changed: the page re-reads through the usual permission checks, so nothing is sent here
 * that the viewer could not read anyway. Presence lists everyone but the viewer.
 */
export function liveEventStream({ bus, presence, viewer, articleId, pingMs = 15_000, signal, missed = false, stillAllowed, recheckMs = 30_000 }: StreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const event = (name: string, data: unknown) => send(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
      const sendPresence = () => articleId && event("presence", presence.list(articleId).filter((p) => p.id !== viewer.id));

      const cleanups = [
        bus.subscribe(
          (m) => {
            if (m.kind === "change" && (articleId === null || m.articleId === articleId)) event("change", { articleId: m.articleId, what: m.what });
          },
          () => event("change", { articleId, what: "resync" }),
        ),
      ];
      if (articleId) {
        cleanups.push(presence.watch(articleId, sendPresence), presence.join(articleId, viewer));
      }
      const ping = setInterval(() => send(": ping\n\n"), pingMs);
      const recheck =
        stillAllowed &&
        setInterval(() => {
          stillAllowed().then(
            (allowed) => {
              if (allowed) return;
              // the page re-reads, which sends a signed-out browser to sign in; the browser would
              // reconnect to a stream that simply closed
              event("ended", { reason: "signed-out" });
              stop();
            },
            // the database unreachable for a moment is not a sign-out: ask again next time
            () => {},
          );
        }, recheckMs);
      // a stopping server ends its streams, so it can finish and the browsers reconnect elsewhere
      // (through the balancer) or to it once it is back, and re-read what they missed
      const offShutdown = onShutdown(() => stop());
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(ping);
        if (recheck) clearInterval(recheck);
        offShutdown();
        cleanups.forEach((c) => c());
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      // A browser that left while the route was still awaiting (session, article, LISTEN) aborted the
      // signal before this stream existed: no abort event will come, and Next.js never reads, so never
      // cancels, a stream for a response already closed. Without this the subscription, the ping and
      // the presence entry (re-announced to every server) would live as long as the process.
      if (signal?.aborted) {
        stop();
        return;
      }
      signal?.addEventListener("abort", stop, { once: true });
      // the browser reconnects after this long if the connection drops
      send("retry: 3000\n\n");
      sendPresence();
      if (missed) event("change", { articleId, what: "missed" });
    },
    cancel() {
      stop();
    },
  });
}
