import type { Db } from "@/lib/db";
import type { AnnotationCategory } from "@/lib/annotations/categories";
import { titleSearchWhere } from "./title-search";

export interface ListArticlesOptions {
  db: Db;
  /** case-insensitive search in the title */
  query?: string;
  take?: number;
}

export interface ArticleListItem {
  id: string;
  title: string;
  status: string;
  createdAt: Date;
  createdByName: string;
  counts: Partial<Record<AnnotationCategory, number>>;
  total: number;
}

/** The home page list: newest first, with open annotation counts by category. */
export async function listArticles({ db, query, take = 100 }: ListArticlesOptions): Promise<ArticleListItem[]> {
  const articles = await db.article.findMany({
    where: await titleSearchWhere(db, query, take),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, title: true, status: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  const groups = await db.annotation.groupBy({
    by: ["articleId", "category"],
    where: { articleId: { in: articles.map((a) => a.id) }, status: { notIn: ["dismissed", "rejected"] } },
    _count: { _all: true },
  });
  return articles.map((a) => {
    const counts: ArticleListItem["counts"] = {};
    let total = 0;
    for (const g of groups) {
      if (g.articleId !== a.id) continue;
      counts[g.category as AnnotationCategory] = g._count._all;
      total += g._count._all;
    }
    return { id: a.id, title: a.title, status: a.status, createdAt: a.createdAt, createdByName: a.createdBy.name, counts, total };
  });
}
