import { apiRoute } from "@/app/api/_lib/api-route";
import { readBodyBytes } from "@/lib/http/read-body-bytes";
import { ingestApiBody } from "@/lib/articles/ingest-api-body";
import { assertCan } from "@/lib/auth/roles";
import { jsonInSlices } from "@/lib/http/json-in-slices";
import { blockText } from "@/lib/ingest/blocks";

/** POST /api/articles — ingest text, HTML, Markdown or a URL; 201 with the id and the blocks. */
export const POST = apiRoute(async ({ req, actor }) => {
  // refused before the body is read; read before the upload's turn, so a slow client holds no one up
  assertCan(actor, "article:ingest");
  const { article, parsed } = await ingestApiBody({ actor, bytes: await readBodyBytes(req) });
  // the blocks with their text are as long as the article: sent in slices, not built in one piece
  return new Response(
    jsonInSlices({ id: article.id, title: article.title, revision: 1 }, "blocks", parsed.blocks.map((b) => ({ ...b, text: blockText(parsed.text, b) }))),
    { status: 201, headers: { "content-type": "application/json", location: `/api/articles/${article.id}` } },
  );
});
