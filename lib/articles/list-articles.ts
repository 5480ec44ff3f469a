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
 * For each article of a page: who ingested it, and its open annotations per category. One SQL
 * statement (decision 029): Prisma's `groupBy` did the counting at several times the CPU (measured:
 * ~38 against ~6 ms for 50 articles with ~1,600 marks, decision 024), and every Prisma call costs
 * its query's compilation on the calling thread, so the names ride along in the same statement
 * instead of a second `findMany` (~0.6 ms less per page). An article without open annotations comes
 * back once, with a null category. Identifiers are double-quoted, which both databases read alike;
 * COUNT comes back as a BigInt on both.
 */
function namesAndOpenCounts(db: Db, articleIds: string[]) {
  const ids = Prisma.join(articleIds);
  return db.$queryRaw<{ id: string; name: string; category: string | null; n: bigint | number | null }[]>`
    SELECT a."id", u."name", c."category", c."n" FROM "Article" a
    JOIN "user" u ON u."id" = a."createdById"
    LEFT JOIN (
      SELECT "articleId", "category", COUNT(*) AS "n" FROM "Annotation"
      WHERE "articleId" IN (${ids}) AND "status" NOT IN ('dismissed', 'rejected')
      GROUP BY "articleId", "category"
    ) c ON c."articleId" = a."id"
    WHERE a."id" IN (${ids})`;
}

/**
 * One page of the home list: newest first, with open annotation counts by category. What bounds a
 * page: `take` + 1 article rows read from the cursor along the createdAt index (a title search reads
 * further along it until it has them), then one statement with the ingesters' names and a grouped
 * count over the annotations of those `take` articles only (by its articleId index), never over the
 * whole table.
 */
export async function listArticles({ db, query, after, before, take = ARTICLES_PER_PAGE }: ListArticlesOptions): Promise<ArticlePage> {
  const backwards = !after && !!before;
  const cursorWhere = after ? beyond(after, "older") : before ? beyond(before, "newer") : undefined;
  const orderBy = backwards ? OLDEST_FIRST : NEWEST_FIRST;
  // one row more than the page tells whether another page follows in the reading direction
  const search = await titleSearchWhere(db, query, take + 1, { where: cursorWhere, orderBy });
  // no empty `AND: [{}, {}]` on the first page: Prisma compiles the query per call, and the empty
  // conditions doubled that (measured ~0.8 → ~1.7 ms of CPU)
  const conditions = [cursorWhere, search].filter((w) => w !== undefined);
  const rows = await db.article.findMany({
    where: conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : { AND: conditions },
    orderBy,
    take: take + 1,
    select: { id: true, title: true, status: true, createdAt: true },
  });
  const more = rows.length > take;
  const page = rows.slice(0, take);
  if (backwards) {
    page.reverse();
    // fewer than a page newer than the cursor: this is the top of the list, shown as the first page
    // (a page of 50 stays a page of 50, also after articles were deleted meanwhile)
    if (!more) return listArticles({ db, query, take });
  }
  const found = page.length ? await namesAndOpenCounts(db, page.map((a) => a.id)) : [];
  const about = new Map<string, { createdByName: string; counts: ArticleListItem["counts"]; total: number }>();
  for (const g of found) {
    const entry = about.get(g.id) ?? { createdByName: g.name, counts: {}, total: 0 };
    if (g.category !== null) {
      entry.counts[g.category as AnnotationCategory] = Number(g.n);
      entry.total += Number(g.n);
    }
    about.set(g.id, entry);
  }
  const items = page.map((a) => ({
    id: a.id,
    title: a.title,
    status: a.status,
    createdAt: a.createdAt,
    ...(about.get(a.id) ?? { createdByName: "", counts: {}, total: 0 }),
  }));
  const edge = (a: ArticleListItem | undefined) => (a ? { createdAt: a.createdAt, id: a.id } : null);
  return {
    items,
    // forwards from a cursor: something newer exists (the cursor's own article, or what was before it)
    newer: backwards || after ? edge(items[0]) : null,
    older: backwards || more ? edge(items.at(-1)) : null,
  };
}
