import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePageActor } from "@/app/_auth/current-actor";
import { AUDIT_PAGE, AuditPager } from "@/components/audit/AuditPager";
import { AuditTable } from "@/components/audit/AuditTable";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { listEvents, parseAuditCursor } from "@/lib/audit/list-events";
import { changeLabels } from "@/lib/annotations/change-labels";

export const metadata = { title: "Audit trail · Copydesk" };

export default async function ArticleAuditPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string }> }) {
  const actor = await requirePageActor("article:read");
  const { id } = await params;
  const before = parseAuditCursor((await searchParams).before);
  // one more than a page: whether there are older events to link to
  const found = await listEvents({ db, actor, articleId: id, take: AUDIT_PAGE + 1, before }).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    if (isAppError(e) && e.code === "forbidden") forbidden();
    throw e;
  });
  const events = found.slice(0, AUDIT_PAGE);
  const changes = await changeLabels({ db, ids: events.filter((e) => e.entityType === "annotation").map((e) => e.entityId) });
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <p className="mb-2 text-sm">
        <Link href={`/articles/${id}`} className="text-blue-900 underline">← back to the article</Link>
      </p>
      <h1 className="mb-6 font-serif text-3xl font-bold">Audit trail</h1>
      <AuditTable events={events} showArticle={false} changes={changes} />
      <AuditPager path={`/articles/${id}/audit`} before={before} older={found.length > AUDIT_PAGE ? events.at(-1) : undefined} />
    </main>
  );
}
