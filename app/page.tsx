import Link from "next/link";
import { LiveDesk } from "@/components/live/LiveDesk";
import { requirePageActor } from "@/app/_auth/current-actor";
import { ArticleTable } from "@/components/articles/ArticleTable";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { formatArticleCursor, listArticles, parseArticleCursor, type ArticleCursor } from "@/lib/articles/list-articles";

export const metadata = { title: "Articles · Copydesk" };

type ListParams = { q?: string; after?: string; before?: string };

/** A link to another page of the list: plain hrefs, so paging works without JavaScript too. */
function pageHref(q: string | undefined, side: "after" | "before", cursor: ArticleCursor) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  params.set(side, formatArticleCursor(cursor));
  return `/?${params}`;
}

/*
 * The list's links do not prefetch (decision 029). Next.js prefetches every link that scrolls into
 * view, and each prefetch of a dynamic page is a server request that reads the session and renders
 * the layout and the page's metadata (~4–6 ms of CPU): 50 article links and the paging links made one
 * list view cost up to ~45 requests more than the page itself. A click still navigates in the app; it
 * fetches the article page then, which it would have had to do anyway (a prefetch of a dynamic page
 * without a loading state brings no page content).
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<ListParams> }) {
  const actor = await requirePageActor("article:read");
  // before the list is read: a change after this moment reaches the page live (components/live)
  const renderedAt = Date.now();
  const { q, after, before } = await searchParams;
  const query = typeof q === "string" ? q : undefined;
  const page = await listArticles({ db, query, after: parseArticleCursor(after), before: parseArticleCursor(before) });
  const articles = page.items;
  const paging = (page.newer || page.older) && (
    <nav aria-label="Pages of articles" className="mt-4 flex gap-4 text-sm">
      {page.newer && (
        <Link href={pageHref(query, "before", page.newer)} prefetch={false} className="btn btn-secondary" rel="prev">
          ← Newer articles
        </Link>
      )}
      {page.older && (
        <Link href={pageHref(query, "after", page.older)} prefetch={false} className="btn btn-secondary ml-auto" rel="next">
          Older articles →
        </Link>
      )}
    </nav>
  );
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8">
      <div className="mb-6 flex flex-wrap items-end gap-4">
        <h1 className="font-serif text-3xl font-bold">Articles</h1>
        <LiveDesk renderedAt={renderedAt} />
        <form role="search" className="ml-auto flex gap-2" action="/">
          <label htmlFor="q" className="sr-only">
            Search titles
          </label>
          <input id="q" name="q" type="search" defaultValue={query} placeholder="Search titles" className="input w-64" />
          <button type="submit" className="btn btn-secondary">
            Search
          </button>
        </form>
        {can(actor, "article:ingest") && (
          <Link href="/articles/new" className="btn btn-primary">
            Ingest article
          </Link>
        )}
      </div>
      {articles.length === 0 ? (
        <p className="text-stone-700">
          {query ? `No article title contains “${query}”` : after || before ? "No more articles" : "No articles yet"}
          {after || before ? (
            <>
              {" "}
              here. <Link href={query ? `/?${new URLSearchParams({ q: query })}` : "/"} className="text-blue-900 underline">Back to the newest</Link>
            </>
          ) : (
            "."
          )}
        </p>
      ) : (
        <ArticleTable
          articles={articles.map((a) => ({
            id: a.id, title: a.title, status: a.status, createdAt: a.createdAt.toISOString(),
            createdByName: a.createdByName, counts: a.counts, total: a.total,
          }))}
        />
      )}
      {articles.length > 0 && paging}
    </main>
  );
}
