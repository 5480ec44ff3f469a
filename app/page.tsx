import Link from "next/link";
import { LiveDesk } from "@/components/live/LiveDesk";
import { requirePageActor } from "@/app/_auth/current-actor";
import { StatusBadge } from "@/components/articles/StatusBadge";
import { CategoryCounts } from "@/components/articles/CategoryCounts";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { listArticles } from "@/lib/articles/list-articles";

export const metadata = { title: "Articles · Copydesk" };

export default async function HomePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requirePageActor("article:read");
  const { q } = await searchParams;
  const articles = await listArticles({ db, query: q });
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8">
      <div className="mb-6 flex flex-wrap items-end gap-4">
        <h1 className="font-serif text-3xl font-bold">Articles</h1>
        <LiveDesk />
        <form role="search" className="ml-auto flex gap-2" action="/">
          <label htmlFor="q" className="sr-only">
            Search titles
          </label>
          <input id="q" name="q" type="search" defaultValue={q} placeholder="Search titles" className="input w-64" />
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
        <p className="text-stone-700">{q ? `No article title contains “${q}”.` : "No articles yet."}</p>
      ) : (
        <table className="w-full border-collapse bg-white text-left text-sm shadow-sm">
          <caption className="sr-only">Articles, newest first</caption>
          <thead className="border-b border-stone-300 bg-stone-100">
            <tr>
              <th scope="col" className="p-3">Title</th>
              <th scope="col" className="p-3">Status</th>
              <th scope="col" className="p-3">Annotations</th>
              <th scope="col" className="p-3">Ingested</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id} className="border-b border-stone-200 align-top">
                <td className="p-3">
                  <Link href={`/articles/${a.id}`} className="font-serif text-base font-semibold text-blue-900 hover:underline">
                    {a.title}
                  </Link>
                </td>
                <td className="p-3"><StatusBadge status={a.status} /></td>
                <td className="p-3"><CategoryCounts counts={a.counts} total={a.total} /></td>
                <td className="whitespace-nowrap p-3 text-stone-700">
                  <time dateTime={a.createdAt.toISOString()}>{a.createdAt.toISOString().slice(0, 16).replace("T", " ")}</time>
                  <div className="text-xs">{a.createdByName}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
