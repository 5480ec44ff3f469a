import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import type { AnnotationCategory } from "@/lib/annotations/categories";
import { titleSearchWhere } from "./title-search";

/** How many articles one page of the list shows. */
export const ARTICLES_PER_PAGE = 50;

/**
 * Where a page starts: the (createdAt, id) of the article just before it in the list's order.
 * Keyset paging rather than page numbers: each page is an index range read from its cursor, so page
 * 40 costs what page 1 costs, and an article ingested meanwhile does not shift every later page by
 * one (a row shown twice or never).
 */
export interface ArticleCursor {
  createdAt: Date;
  id: string;
}

export interface ListArticlesOptions {
  db: Db;
  /** case-insensitive search in the title */
  query?: string;
  /** older articles than this one (the "Older" link) */
  after?: ArticleCursor | null;
  /** newer articles than this one (the "Newer" link); ignored when `after` is given */
  before?: ArticleCursor | null;
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

export interface ArticlePage {
  items: ArticleListItem[];
  /** cursor for the next newer page, null on the first page */
  newer: ArticleCursor | null;
  /** cursor for the next older page, null on the last page */
  older: ArticleCursor | null;
}

/** Cursor as it travels in a URL: `<createdAt in ms>.<id>`; null for anything else (then page 1). */
export function parseArticleCursor(raw: string | string[] | undefined): ArticleCursor | null {
  const m = typeof raw === "string" ? /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(raw) : null;
  return m ? { createdAt: new Date(Number(m[1])), id: m[2] } : null;
}

export function formatArticleCursor(c: ArticleCursor): string {
  return `${c.createdAt.getTime()}.${c.id}`;
}

/**
 * Articles strictly older (or newer) than the cursor in the order (createdAt desc, id desc). Written
 * as a range on createdAt minus the ties on the wrong side of the id, not as an OR, so both
 * databases read it as one range of the createdAt index.
 */
function beyond(c: ArticleCursor, side: "older" | "newer"): Prisma.ArticleWhereInput {
  return side === "older"
    ? { createdAt: { lte: c.createdAt }, NOT: { createdAt: c.createdAt, id: { gte: c.id } } }
    : { createdAt: { gte: c.createdAt }, NOT: { createdAt: c.createdAt, id: { lte: c.id } } };
}

const NEWEST_FIRST = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.ArticleOrderByWithRelationInput[];
const OLDEST_FIRST = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.ArticleOrderByWithRelationInput[];

/**
 * Open annotations per article and category. One grouped count in SQL: Prisma's `groupBy` did the
 * same work at several times the CPU (measured: ~38 against ~6 ms for 50 articles with ~1,600 marks),
 * and the list runs it on every load. Identifiers are double-quoted, which both databases read alike;
 * COUNT comes back as a BigInt on both.
 */
function openCounts(db: Db, articleIds: string[]) {
  return db.$queryRaw<{ articleId: string; category: string; n: bigint | number }[]>`
    SELECT "articleId", "category", COUNT(*) AS "n" FROM "Annotation"
    WHERE "articleId" IN (${Prisma.join(articleIds)}) AND "status" NOT IN ('dismissed', 'rejected')
    GROUP BY "articleId", "category"`;
}

/** who ingested them: a handful of users, read once, rather than a join per article */
async function names(db: Db, userIds: string[]): Promise<Map<string, string>> {
  const users = await db.user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/**
 * One page of the home list: newest first, with open annotation counts by category. What bounds a
 * page: `take` + 1 article rows read from the cursor along the createdAt index (a title search reads
 * further along it until it has them), one grouped count over the annotations of those `take`
 * articles only (by its articleId index), never over the whole table, and one read of their
 * ingesters' names.
 */
export async function listArticles({ db, query, after, before, take = ARTICLES_PER_PAGE }: ListArticlesOptions): Promise<ArticlePage> {
  const backwards = !after && !!before;
  const cursorWhere = after ? beyond(after, "older") : before ? beyond(before, "newer") : undefined;
  const orderBy = backwards ? OLDEST_FIRST : NEWEST_FIRST;
  // one row more than the page tells whether another page follows in the reading direction
  const search = await titleSearchWhere(db, query, take + 1, { where: cursorWhere, orderBy });
  const rows = await db.article.findMany({
    where: { AND: [cursorWhere ?? {}, search ?? {}] },
    orderBy,
    take: take + 1,
    select: { id: true, title: true, status: true, createdAt: true, createdById: true },
  });
  const more = rows.length > take;
  const page = rows.slice(0, take);
  if (backwards) {
    page.reverse();
    // fewer than a page newer than the cursor: this is the top of the list, shown as the first page
    // (a page of 50 stays a page of 50, also after articles were deleted meanwhile)
    if (!more) return listArticles({ db, query, take });
  }
  const [groups, people] = page.length ? await Promise.all([openCounts(db, page.map((a) => a.id)), names(db, page.map((a) => a.createdById))]) : [[], new Map()];
  const countsOf = new Map<string, { counts: ArticleListItem["counts"]; total: number }>();
  for (const g of groups) {
    const entry = countsOf.get(g.articleId) ?? { counts: {}, total: 0 };
    entry.counts[g.category as AnnotationCategory] = Number(g.n);
    entry.total += Number(g.n);
    countsOf.set(g.articleId, entry);
  }
  const items = page.map((a) => ({
    id: a.id,
    title: a.title,
    status: a.status,
    createdAt: a.createdAt,
    createdByName: people.get(a.createdById) ?? "",
    ...(countsOf.get(a.id) ?? { counts: {}, total: 0 }),
  }));
  const edge = (a: ArticleListItem | undefined) => (a ? { createdAt: a.createdAt, id: a.id } : null);
  return {
    items,
    // forwards from a cursor: something newer exists (the cursor's own article, or what was before it)
    newer: backwards || after ? edge(items[0]) : null,
    older: backwards || more ? edge(items.at(-1)) : null,
  };
}
