import { headers } from "next/headers";
import { can } from "@/lib/auth/roles";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { liveEventStream } from "@/lib/live/event-stream";
import { liveBus, livePresence, liveRecentChanges } from "@/lib/live/live";

export const dynamic = "force-dynamic";

/** how often an open stream asks whether its session is still there (LIVE_SESSION_RECHECK_MS) */
const RECHECK_MS = Number(process.env.LIVE_SESSION_RECHECK_MS) || 30_000;

/**
 * Live updates for the signed-in browser: `?article=<id>` for one article's page (its changes and
 * who else has it open), none for the desk (every article's changes: the list and the review queue);
 * `since=<ms>`, when the page was rendered, for a change that came before the stream did.
 */
export async function GET(req: Request) {
  const requestHeaders = await headers();
  const actor = await getActor(requestHeaders);
  if (!actor) return Response.json({ error: { code: "unauthenticated", message: "Sign in first." } }, { status: 401 });
  if (!can(actor, "article:read")) return Response.json({ error: { code: "forbidden", message: "Your role may not read articles." } }, { status: 403 });
  const articleId = new URL(req.url).searchParams.get("article");
  if (articleId && !(await db.article.findUnique({ where: { id: articleId }, select: { id: true } }))) {
    return Response.json({ error: { code: "not_found", message: "There is no article with that id." } }, { status: 404 });
  }
  const bus = liveBus();
  const presence = livePresence();
  const recent = liveRecentChanges();
  // the first page on a fresh process must not miss what happens while the LISTEN is being set up
  await bus.ready();
  // gone while we waited: nothing to stream to (the stream would stop at once anyway)
  if (req.signal.aborted) return new Response(null, { status: 499 });
  const viewer = { id: actor.id, name: actor.name, role: actor.role };
  // since: when the page was rendered (server time); a change heard after it went unseen
  const since = Number(new URL(req.url).searchParams.get("since") ?? NaN);
  // the same session, asked again while the stream is open: signed out or demoted ends it
  const stillAllowed = async () => {
    const now = await getActor(requestHeaders, { refresh: false });
    return now?.id === actor.id && can(now, "article:read");
  };
  const stream = liveEventStream({ bus, presence, articleId, viewer, signal: req.signal, missed: recent.changedSince(articleId, since), stillAllowed, recheckMs: RECHECK_MS });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      // nginx and similar proxies buffer responses unless told not to, which would hold events back
      "x-accel-buffering": "no",
    },
  });
}
