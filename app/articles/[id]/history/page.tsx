import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/app/_auth/current-actor";
import { LocalTime } from "@/components/ui/LocalTime";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { articleHistory } from "@/lib/revisions/article-history";

export const metadata = { title: "History · Copydesk" };

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const actor = await requirePageActor("article:read");
  const { id } = await params;
  const { from, to } = await searchParams;
  const history = await articleHistory({ db, actor, articleId: id, from: from ? Number(from) : undefined, to: to ? Number(to) : undefined }).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const numbers = history.revisions.map((r) => r.number);
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <p className="mb-2 text-sm">
        <Link href={`/articles/${id}`} className="text-blue-900 underline">
          ← {history.title}
        </Link>
      </p>
      <h1 className="mb-6 font-serif text-3xl font-bold">History</h1>
      <div className="grid gap-6 lg:grid-cols-12">
        <section aria-labelledby="revisions-h" className="lg:col-span-5">
          <h2 id="revisions-h" className="mb-2 text-lg font-semibold">
            Revisions
          </h2>
          <ol className="space-y-3">
            {[...history.revisions].reverse().map((r) => (
              <li key={r.id} className="rounded border border-stone-300 bg-white p-3 text-sm">
                <h3 className="font-semibold">
                  <Link href={`/articles/${id}/revisions/${r.number}`} className="hover:underline">
                    Revision {r.number}
                  </Link>{" "}
                  <span className="font-normal text-stone-600">— {r.reason}</span>
                </h3>
                <p className="text-xs text-stone-700">
                  {r.createdByName}, <LocalTime iso={r.createdAt} />
                </p>
                {r.applied.length > 0 && (
                  <ul className="mt-2 space-y-1">
                    {r.applied.map((c) => (
                      <li key={c.id} className="font-serif">
                        <span className="font-sans text-xs text-stone-600">{c.category}:</span> <del className="bg-red-50">{c.before}</del> →{" "}
                        <ins className="bg-green-50 no-underline">{c.after || "(deleted)"}</ins>{" "}
                        <span className="font-sans text-xs text-stone-600">
                          by {c.authorName}, approved by {c.reviewerName}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="diff-h" className="lg:col-span-7">
          <h2 id="diff-h" className="mb-2 text-lg font-semibold">
            Differences
          </h2>
          <form className="mb-3 flex flex-wrap items-end gap-2 text-sm" action={`/articles/${id}/history`}>
            <label className="flex flex-col">
              From revision
              <select name="from" defaultValue={history.from} className="rounded border border-stone-400 p-1">
                {numbers.map((n) => (
                  <option key={n} value={n}>{n}{n === 1 ? " (original)" : ""}</option>
                ))}
              </select>
            </label>
            <label className="flex flex-col">
              to revision
              <select name="to" defaultValue={history.to} className="rounded border border-stone-400 p-1">
                {numbers.map((n) => (
                  <option key={n} value={n}>{n}{n === numbers.at(-1) ? " (current)" : ""}</option>
                ))}
              </select>
            </label>
            <button type="submit" className="btn btn-secondary">Compare</button>
            <Link href={`/articles/${id}/history?from=1&to=${numbers.at(-1)}`} className="text-blue-900 underline">
              original vs current
            </Link>
          </form>
          <div aria-label={`Word diff from revision ${history.from} to ${history.to}`} className="whitespace-pre-wrap rounded border border-stone-300 bg-white p-4 font-serif leading-relaxed">
            {history.diff.map((p, i) =>
              p.added ? (
                <ins key={i} className="bg-green-100 text-green-900">{p.value}</ins>
              ) : p.removed ? (
                <del key={i} className="bg-red-100 text-red-900">{p.value}</del>
              ) : (
                <span key={i}>{p.value}</span>
              ),
            )}
          </div>
        </section>
      </div>
    </main>
  );
}
