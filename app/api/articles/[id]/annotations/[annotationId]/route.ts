import { apiRoute } from "@/app/api/_lib/api-route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { exportWebAnnotation } from "@/lib/interchange/export-web-annotations";

export const runtime = "nodejs";

/** GET /api/articles/:id/annotations/:annotationId — one W3C annotation: its exported id resolves here. */
export const GET = apiRoute<{ id: string; annotationId: string }>(async ({ actor, params }) =>
  Response.json(await exportWebAnnotation({ db, actor, articleId: params.id, annotationId: params.annotationId, baseUrl: env.BETTER_AUTH_URL }), {
    headers: { "content-type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
  }),
);
