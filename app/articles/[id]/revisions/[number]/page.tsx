import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/app/_auth/current-actor";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { BLOCK_LABELS } from "@/lib/ingest/blocks";
import { getRevision } from "@/lib/revisions/get-revision";

export const metadata = { title: "Revision · Copydesk" };

/** A revision's text as it was: read-only, the page a W3C annotation's target names. */
export default async function RevisionPage({ params }: { params: Promise<{ id: string; number: string }> }) {
  const actor = await requirePageActor("article:read");
  const { id, number } = await params;
  const revision = await getRevision({ db, actor, articleId: id, number: Number(number) }).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <p className="mb-2 text-sm">
        <Link href={`/articles/${id}`} className="text-blue-900 underline">← {revision.article.title}</Link> ·{" "}
        <Link href={`/articles/${id}/history`} className="text-blue-900 underline">history</Link>
      </p>
      <h1 className="mb-1 font-serif text-3xl font-bold">Revision {revision.number}</h1>
      <p className="mb-6 text-sm text-stone-700">
        {revision.reason} — {revision.createdBy.name}, <time dateTime={revision.createdAt.toISOString()}>{revision.createdAt.toISOString().slice(0, 16).replace("T", " ")}</time>
      </p>
      <dl className="space-y-3 rounded border border-stone-300 bg-white p-6">
        {revision.blocks.map((b, i) => (
          <div key={i} className="flex gap-3">
            <dt className="w-24 shrink-0 pt-1 text-xs font-medium uppercase text-stone-600">{BLOCK_LABELS[b.kind]}</dt>
            <dd className="whitespace-pre-wrap font-serif">{revision.text.slice(b.start, b.end)}</dd>
          </div>
        ))}
      </dl>
    </main>
  );
}
