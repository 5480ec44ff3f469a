import { headers } from "next/headers";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError, isAppError, toHttpStatus } from "@/lib/errors";
import { exportArticle, exportFormatSchema } from "@/lib/export/export-article";

/** GET /articles/:id/export/:format — txt | md | html | changes.md | changes.csv, as a download. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  try {
    const { id, format } = await params;
    const actor = await getActor(await headers());
    if (!actor) throw new AppError("unauthenticated", "Sign in to export.");
    const parsed = exportFormatSchema.safeParse(format);
    if (!parsed.success) throw new AppError("not_found", `Unknown export format “${format}”.`);
    const out = await exportArticle({ db, actor, articleId: id, format: parsed.data });
    return new Response(out.body, {
      headers: {
        "content-type": out.contentType,
        "content-disposition": `attachment; filename="${out.fileName}"`,
        "x-content-type-options": "nosniff",
        // an exported HTML file opened from here must not run anything
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      },
    });
  } catch (e) {
    if (isAppError(e)) return Response.json({ error: { code: e.code, message: e.message } }, { status: toHttpStatus(e.code) });
    console.error(e);
    return Response.json({ error: { code: "internal", message: "Export failed." } }, { status: 500 });
  }
}
