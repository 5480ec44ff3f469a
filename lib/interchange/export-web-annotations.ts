import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toAnnotationCollection, type AnnotationCollection } from "@/lib/w3c/to-web-annotation";

/** The article's open annotations on its current revision as a W3C AnnotationCollection. */
export async function exportWebAnnotations({ db, actor, articleId, baseUrl }: { db: Db; actor: Actor; articleId: string; baseUrl: string }): Promise<AnnotationCollection> {
  assertCan(actor, "article:read");
  const revision = await db.revision.findFirst({ where: { articleId }, orderBy: { number: "desc" }, select: { id: true, number: true, text: true } });
  if (!revision) throw new AppError("not_found", "There is no article with that id.");
  const rows = await db.annotation.findMany({
    where: { articleId, revisionId: revision.id, status: { not: "dismissed" } },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    select: {
      id: true, revisionId: true, start: true, end: true, exact: true, prefix: true, suffix: true, category: true, replacement: true, note: true,
      speaker: true, status: true, authorId: true, createdAt: true, updatedAt: true, author: { select: { name: true } },
    },
  });
  return toAnnotationCollection({
    baseUrl,
    articleId,
    revision,
    annotations: rows.map(({ author, createdAt, updatedAt, ...r }) => ({
      ...r,
      category: r.category as never,
      status: r.status as never,
      authorName: author.name,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    })),
  });
}
