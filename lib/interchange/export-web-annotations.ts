import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { currentRevision } from "@/lib/articles/current-revision";
import { AppError } from "@/lib/errors";
import { toAnnotationCollection, toWebAnnotation, type AnnotationCollection, type ExportableAnnotation, type WebAnnotation } from "@/lib/w3c/to-web-annotation";

interface ExportOptions {
  db: Db;
  actor: Actor;
  articleId: string;
  /** the app's public origin: every id in the export is built on it */
  baseUrl: string;
}

/** The article's open annotations on its current revision as a W3C AnnotationCollection. */
export async function exportWebAnnotations(opts: ExportOptions): Promise<AnnotationCollection> {
  const { revision, annotations } = await loadExportable(opts);
  return toAnnotationCollection({ baseUrl: opts.baseUrl, articleId: opts.articleId, revision, annotations });
}

/** One annotation as a stand-alone W3C document: what its exported id serves. */
export async function exportWebAnnotation(opts: ExportOptions & { annotationId: string }): Promise<WebAnnotation> {
  const { revision, annotations } = await loadExportable(opts, opts.annotationId);
  if (annotations.length === 0) throw new AppError("not_found", "There is no such annotation on the article's current revision.");
  return toWebAnnotation({ baseUrl: opts.baseUrl, articleId: opts.articleId, revision }, annotations[0]);
}

async function loadExportable({ db, actor, articleId }: ExportOptions, annotationId?: string) {
  assertCan(actor, "article:read");
  const revision = await currentRevision(db, articleId);
  const rows = await db.annotation.findMany({
    where: { articleId, revisionId: revision.id, status: { not: "dismissed" }, ...(annotationId ? { id: annotationId } : {}) },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    select: {
      id: true, revisionId: true, start: true, end: true, exact: true, prefix: true, suffix: true, category: true, replacement: true, note: true,
      speaker: true, status: true, source: true, message: true, authorId: true, createdAt: true, updatedAt: true, author: { select: { name: true } },
    },
  });
  const annotations = rows.map(({ author, createdAt, updatedAt, ...r }) => ({
    ...r,
    authorName: author.name,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  })) as ExportableAnnotation[];
  return { revision, annotations };
}
