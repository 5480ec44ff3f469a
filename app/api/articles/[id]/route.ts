import { apiRoute } from "@/app/api/_lib/api-route";
import { getArticle } from "@/lib/articles/get-article";
import { db } from "@/lib/db";
import { blockText } from "@/lib/ingest/blocks";

/** GET /api/articles/:id — status and the current revision's text and blocks. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const a = await getArticle({ db, actor, id: params.id });
  return {
    id: a.id,
    title: a.title,
    status: a.status,
    revision: {
      number: a.revision.number,
      createdAt: a.revision.createdAt,
      text: a.revision.text,
      blocks: a.blocks.map((b) => ({ ...b, text: blockText(a.revision.text, b) })),
    },
  };
});
