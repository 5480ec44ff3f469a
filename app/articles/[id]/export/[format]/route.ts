import { apiRoute } from "@/app/api/_lib/api-route";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exportArticle, exportFormatSchema } from "@/lib/export/export-article";
import { exportResponse } from "@/app/api/_lib/export-response";

/** GET /articles/:id/export/:format — txt | md | html | changes.md | changes.csv, as a download. */
export const GET = apiRoute<{ id: string; format: string }>(async ({ actor, params }) => {
  const format = exportFormatSchema.safeParse(params.format);
  if (!format.success) throw new AppError("not_found", `Unknown export format “${params.format}”.`);
  return exportResponse(await exportArticle({ db, actor, articleId: params.id, format: format.data }));
});
