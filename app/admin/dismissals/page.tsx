import Link from "next/link";
import { requirePageActor } from "@/app/_auth/current-actor";
import { UndoDismissalButton } from "@/components/admin/UndoDismissalButton";
import { LocalTime } from "@/components/ui/LocalTime";
import { db } from "@/lib/db";
import { listDismissals } from "@/lib/suggestions/list-dismissals";

export const metadata = { title: "Dismissed suggestions · Copydesk" };

export default async function DismissalsPage() {
  const actor = await requirePageActor("dismissal:undo");
  const rows = await listDismissals({ db, actor });
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="mb-2 font-serif text-3xl font-bold">Dismissed suggestions</h1>
      <p className="mb-6 text-stone-700">A dismissed suggestion never comes back on re-check. Undo puts it back in the article&apos;s panel.</p>
      {rows.length === 0 ? (
        <p>No dismissed suggestions.</p>
      ) : (
        <table className="w-full border-collapse bg-white text-left text-sm shadow-sm">
          <thead className="border-b border-stone-300 bg-stone-100">
            <tr>
              <th scope="col" className="p-2">Text</th>
              <th scope="col" className="p-2">Check</th>
              <th scope="col" className="p-2">Article</th>
              <th scope="col" className="p-2">Dismissed</th>
              <th scope="col" className="p-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-stone-200 align-top">
                <td className="p-2 font-serif">“{r.exact.length > 60 ? `${r.exact.slice(0, 60)}…` : r.exact}”</td>
                <td className="p-2">
                  {r.source.replace("check:", "")}
                  {r.message && <div className="text-xs text-stone-600">{r.message}</div>}
                </td>
                <td className="p-2">
                  <Link href={`/articles/${r.article.id}`} className="text-blue-900 underline">
                    {r.article.title}
                  </Link>
                </td>
                <td className="p-2">
                  {r.dismissReason === "wrong" ? "as wrong (counts against the check)" : "not now"}
                  <div className="text-xs text-stone-600">
                    {r.dismissedBy ? `${r.dismissedBy} · ` : ""}
                    <LocalTime iso={r.dismissedAt.toISOString()} />
                  </div>
                </td>
                <td className="p-2">
                  <UndoDismissalButton id={r.id} version={r.version} label={r.exact} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
