import { apiRoute } from "@/app/api/_lib/api-route";
import { exportResponse } from "@/app/api/_lib/export-response";
import { db } from "@/lib/db";
import { exportArticle, exportFormatSchema } from "@/lib/export/export-article";
import { parseInput } from "@/lib/validation";
import { z } from "zod";

/** GET /api/articles/:id/export?format=txt|md|html|changes.md|changes.csv */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { format } = parseInput(z.object({ format: exportFormatSchema }), { format: new URL(req.url).searchParams.get("format") ?? undefined });
  return exportResponse(await exportArticle({ db, actor, articleId: params.id, format }));
});
