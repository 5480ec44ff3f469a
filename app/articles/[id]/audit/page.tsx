import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePageActor } from "@/app/_auth/current-actor";
import { AuditTable } from "@/components/audit/AuditTable";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { listEvents } from "@/lib/audit/list-events";
import { changeLabels } from "@/lib/annotations/change-labels";

export const metadata = { title: "Audit trail · Copydesk" };

export default async function ArticleAuditPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("article:read");
  const { id } = await params;
  const events = await listEvents({ db, actor, articleId: id }).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    if (isAppError(e) && e.code === "forbidden") forbidden();
    throw e;
  });
  const changes = await changeLabels({ db, ids: events.filter((e) => e.entityType === "annotation").map((e) => e.entityId) });
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <p className="mb-2 text-sm">
        <Link href={`/articles/${id}`} className="text-blue-900 underline">← back to the article</Link>
      </p>
      <h1 className="mb-6 font-serif text-3xl font-bold">Audit trail</h1>
      <AuditTable events={events} showArticle={false} changes={changes} />
    </main>
  );
}
