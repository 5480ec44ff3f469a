import { z } from "zod";
import { apiRoute, readJsonBody } from "@/app/api/_lib/api-route";
import { ingestArticle } from "@/lib/articles/ingest-article";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { blockText } from "@/lib/ingest/blocks";
import { MAX_SOURCE_BYTES } from "@/lib/ingest/limits";
import { parseSource } from "@/lib/ingest/parse-source";
import { readSource } from "@/lib/ingest/read-source";
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
  const source = body.url
    ? await readSource({ kind: "url", url: body.url }, { allowPrivateUrls: env.ALLOW_PRIVATE_URLS })
    : {
        parsed: body.html !== undefined ? parseSource(body.html, "html") : body.markdown !== undefined ? parseSource(body.markdown, "markdown") : parseSource(body.text!, "text"),
        sourceName: null,
      };
  const article = await ingestArticle({ db, actor, parsed: source.parsed, sourceKind: body.url ? "url" : "api", sourceName: source.sourceName });
  return Response.json(
    {
      id: article.id,
      title: article.title,
      revision: 1,
      blocks: source.parsed.blocks.map((b) => ({ ...b, text: blockText(source.parsed.text, b) })),
    },
    { status: 201, headers: { location: `/api/articles/${article.id}` } },
  );
});
