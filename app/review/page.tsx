import Link from "next/link";
import { LiveDesk } from "@/components/live/LiveDesk";
import { requirePageActor } from "@/app/_auth/current-actor";
import { db } from "@/lib/db";
import { plural } from "@/lib/plural";
import { reviewQueue } from "@/lib/review/review-queue";

export const metadata = { title: "Review queue · Copydesk" };

export default async function ReviewQueuePage() {
  const actor = await requirePageActor("change:review");
  // before the queue is read: a change after this moment reaches the page live (components/live)
  const renderedAt = Date.now();
  const queue = await reviewQueue({ db, actor });
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="mb-2 font-serif text-3xl font-bold">Review queue</h1>
      <p className="mb-6 text-stone-700">Articles waiting for review, oldest first.</p>
      <LiveDesk renderedAt={renderedAt} />
      {queue.length === 0 ? (
        <p>Nothing is waiting for review.</p>
      ) : (
        <table className="w-full border-collapse bg-white text-left text-sm shadow-sm">
          <caption className="sr-only">Articles in review, oldest first</caption>
          <thead className="border-b border-stone-300 bg-stone-100">
            <tr>
              <th scope="col" className="p-3">Article</th>
              <th scope="col" className="p-3">Still open</th>
              <th scope="col" className="p-3">Submitted</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((a) => (
              <tr key={a.id} className="border-b border-stone-200">
                <td className="p-3">
                  <Link href={`/articles/${a.id}`} className="font-serif font-semibold text-blue-900 hover:underline">
                    {a.title}
                  </Link>
                  <div className="text-xs text-stone-600">ingested by {a.createdBy.name}</div>
                </td>
                <td className="p-3">
                  {a.open.total} still open
                  <div className="text-xs text-stone-600">
                    {[
                      // only the kinds there are
                      a.open.proposed > 0 && plural(a.open.proposed, "change to decide", "changes to decide"),
                      a.open.suggested > 0 && plural(a.open.suggested, "machine finding"),
                      a.open.needsWork > 0 && plural(a.open.needsWork, "sent back", "sent back"),
                      a.open.lost > 0 && plural(a.open.lost, "lost mark"),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </div>
                </td>
                <td className="p-3">
                  <time dateTime={a.statusChangedAt.toISOString()}>{a.statusChangedAt.toISOString().slice(0, 16).replace("T", " ")}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
