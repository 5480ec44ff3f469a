import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { annotationViewSelect, toAnnotationView, type AnnotationView } from "@/lib/annotations/annotation-view";
import type { Block, BlockKind } from "@/lib/ingest/blocks";

export interface ArticleView {
  id: string;
  title: string;
  status: string;
  createdAt: string;
  createdByName: string;
  revision: { id: string; number: number; text: string; createdAt: string };
  blocks: Block[];
  annotations: AnnotationView[];
}

/** Everything the article page shows: the current revision, its blocks and its annotations. */
export async function getArticle({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<ArticleView> {
  assertCan(actor, "article:read");
  const article = await db.article.findUnique({
    where: { id },
    select: {
      id: true, title: true, status: true, createdAt: true, createdBy: { select: { name: true } },
      revisions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { id: true, number: true, text: true, createdAt: true, blocks: { orderBy: { position: "asc" }, select: { kind: true, start: true, end: true } } },
      },
    },
  });
  const revision = article?.revisions[0];
  if (!article || !revision) throw new AppError("not_found", "There is no article with that id.");
  const annotations = await db.annotation.findMany({
    where: { articleId: id, revisionId: revision.id },
    orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }],
    select: annotationViewSelect,
  });
  return {
    id: article.id,
    title: article.title,
    status: article.status,
    createdAt: article.createdAt.toISOString(),
    createdByName: article.createdBy.name,
    revision: { id: revision.id, number: revision.number, text: revision.text, createdAt: revision.createdAt.toISOString() },
    blocks: revision.blocks.map((b) => ({ kind: b.kind as BlockKind, start: b.start, end: b.end })),
    annotations: annotations.map(toAnnotationView),
  };
}
