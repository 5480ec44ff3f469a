import { apiRoute, readJsonBody } from "@/app/api/_lib/api-route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { exportWebAnnotations } from "@/lib/interchange/export-web-annotations";
import { importWebAnnotations } from "@/lib/interchange/import-web-annotations";

// Ajv compiles the W3C schema with `new Function`: Node runtime, not Edge.
export const runtime = "nodejs";

const JSON_LD = { "content-type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' };

/** GET /api/articles/:id/annotations — a W3C Web Annotation AnnotationCollection (JSON-LD). */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  Response.json(await exportWebAnnotations({ db, actor, articleId: params.id, baseUrl: env.BETTER_AUTH_URL }), { headers: JSON_LD }),
);

/** POST /api/articles/:id/annotations — one W3C Annotation or a collection; 201 with what was imported and what was not. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  Response.json(await importWebAnnotations({ db, actor, articleId: params.id, document: await readJsonBody(req) }), { status: 201 }),
);
