import { z } from "zod";
import { apiRoute, readJsonBody } from "@/app/api/_lib/api-route";
import { ingestOffThread } from "@/lib/articles/ingest-off-thread";
import { env } from "@/lib/env";
import { blockText } from "@/lib/ingest/blocks";
import { MAX_SOURCE_BYTES } from "@/lib/ingest/limits";
import { readRawSource } from "@/lib/ingest/read-source";
import { assertCan } from "@/lib/auth/roles";
import { parseInput } from "@/lib/validation";

const ingestBodySchema = z
  .object({
    text: z.string().max(MAX_SOURCE_BYTES, "Over the 2 MB limit.").optional(),
    html: z.string().max(MAX_SOURCE_BYTES, "Over the 2 MB limit.").optional(),
    markdown: z.string().max(MAX_SOURCE_BYTES, "Over the 2 MB limit.").optional(),
    url: z.url("Give a full http(s) URL.").optional(),
  })
  .refine((b) => [b.text, b.html, b.markdown, b.url].filter((v) => v !== undefined).length === 1, {
    path: ["text"],
    message: "Send exactly one of text, html, markdown or url.",
  });

/** POST /api/articles — ingest text, HTML, Markdown or a URL; 201 with the id and the blocks. */
export const POST = apiRoute(async ({ req, actor }) => {
  assertCan(actor, "article:ingest");
  const body = parseInput(ingestBodySchema, await readJsonBody(req));
  const { source, sourceName } = body.url
    ? await readRawSource({ kind: "url", url: body.url }, { allowPrivateUrls: env.ALLOW_PRIVATE_URLS })
    : {
        source: body.html !== undefined ? { text: body.html, format: "html" as const } : body.markdown !== undefined ? { text: body.markdown, format: "markdown" as const } : { text: body.text!, format: "text" as const },
        sourceName: null,
      };
  // parsed and stored on the ingest thread: a 2 MB body must not hold up other people's pages
  const { article, parsed } = await ingestOffThread({ actor, source, sourceKind: body.url ? "url" : "api", sourceName });
  return Response.json(
    {
      id: article.id,
      title: article.title,
      revision: 1,
      blocks: parsed.blocks.map((b) => ({ ...b, text: blockText(parsed.text, b) })),
    },
    { status: 201, headers: { location: `/api/articles/${article.id}` } },
  );
});
