import { apiRoute, readBodyBytes } from "@/app/api/_lib/api-route";
import { ingestOffThread, oneUploadAtATime, parseBodyOffThread } from "@/lib/articles/ingest-off-thread";
import { env } from "@/lib/env";
import { jsonInSlices } from "@/lib/http/json-in-slices";
import { blockText } from "@/lib/ingest/blocks";
import { readRawSource } from "@/lib/ingest/read-source";
import { assertCan, type Actor } from "@/lib/auth/roles";

/** POST /api/articles — ingest text, HTML, Markdown or a URL; 201 with the id and the blocks. */
export const POST = apiRoute(async ({ req, actor }) => {
  assertCan(actor, "article:ingest");
  // the bytes are read first (a slow client must not hold the others' turn), then, one upload at a
  // time, decoded, validated and parsed on the ingest thread and stored (there on PostgreSQL): a 2 MB
  // body must not hold up other people's pages
  const bytes = await readBodyBytes(req);
  const stored = await oneUploadAtATime(async () => {
    const body = await parseBodyOffThread(bytes);
    return "url" in body ? body : await ingestOffThread({ actor, source: body.parsed, sourceKind: "api", sourceName: null });
  });
  const { article, parsed } = "url" in stored ? await ingestUrl(actor, stored.url) : stored;
  // the blocks with their text are as long as the article: sent in slices, not built in one piece
  return new Response(
    jsonInSlices({ id: article.id, title: article.title, revision: 1 }, "blocks", parsed.blocks.map((b) => ({ ...b, text: blockText(parsed.text, b) }))),
    { status: 201, headers: { "content-type": "application/json", location: `/api/articles/${article.id}` } },
  );
});

/** A URL named in the body: fetched (with the address checks) outside the upload turn, then stored in one. */
async function ingestUrl(actor: Actor, url: string) {
  const { source, sourceName } = await readRawSource({ kind: "url", url }, { allowPrivateUrls: env.ALLOW_PRIVATE_URLS });
  return oneUploadAtATime(() => ingestOffThread({ actor, source, sourceKind: "url", sourceName }));
}
