import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { foldQuotes } from "./typed-match";

/**
 * Case-insensitive title search that behaves the same on SQLite and PostgreSQL. `contains` is LIKE
 * on both, but SQLite's LIKE ignores ASCII case and PostgreSQL's does not, and `mode: "insensitive"`
 * exists only on PostgreSQL. So the title is stored lower-cased beside itself (Article.titleSearch)
 * and the query is lower-cased the same way, by JavaScript on both sides: "ÉCOLE" finds "école" on
 * either database. Typographic quotes are folded too (foldQuotes), so "o'malley" finds "O’Malley". The
 * whole string is lower-cased at once, as keys stored before quotes were folded were: a search needs
 * no offsets, and "İstanbul" must find the titles it found then.
 */
export function titleSearchKey(text: string): string {
  return foldQuotes(text).toLowerCase();
}

const WILDCARDS = /[%_]+/;

/**
 * The `where` for a search box's text (undefined when blank): at most `take` matches, the first ones
 * in `scope`'s order among the articles `scope.where` admits (the list's page cursor; default:
 * newest first, all articles). Prisma passes `contains` to LIKE unescaped, and the two databases
 * escape differently (PostgreSQL `\` by default, SQLite only with an ESCAPE clause Prisma cannot
 * write), so a query with `%` or `_` narrows by its wildcard-free pieces and is then matched exactly here.
 */
export async function titleSearchWhere(
  db: Db,
  query: string | undefined,
  take: number,
  scope: { where?: Prisma.ArticleWhereInput; orderBy?: Prisma.ArticleOrderByWithRelationInput[] } = {},
): Promise<Prisma.ArticleWhereInput | undefined> {
  const q = titleSearchKey(query?.trim() ?? "");
  if (!q) return undefined;
  if (!WILDCARDS.test(q)) return { titleSearch: { contains: q } };
  const pieces = q.split(WILDCARDS).filter(Boolean);
  const ids: string[] = [];
  // in pages, so a bare "%" does not read every title at once
  for (let skip = 0; ids.length < take; skip += 500) {
    const page = await db.article.findMany({
      where: { AND: [scope.where ?? {}, ...pieces.map((p) => ({ titleSearch: { contains: p } }))] },
      orderBy: scope.orderBy ?? [{ createdAt: "desc" }, { id: "desc" }],
      skip,
      take: 500,
      select: { id: true, titleSearch: true },
    });
    for (const a of page) if (a.titleSearch.includes(q) && ids.length < take) ids.push(a.id);
    if (page.length < 500) break;
  }
  return { id: { in: ids } };
}
