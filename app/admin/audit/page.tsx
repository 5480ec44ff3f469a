import { requirePageActor } from "@/app/_auth/current-actor";
import { AUDIT_PAGE, AuditPager } from "@/components/audit/AuditPager";
import { AuditTable } from "@/components/audit/AuditTable";
import { db } from "@/lib/db";
import { listEvents, parseAuditCursor } from "@/lib/audit/list-events";
import { changeLabels } from "@/lib/annotations/change-labels";

export const metadata = { title: "Audit log · Copydesk" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const actor = await requirePageActor("audit:read-all");
  const before = parseAuditCursor((await searchParams).before);
  // one more than a page: whether there are older events to link to
  const found = await listEvents({ db, actor, take: AUDIT_PAGE + 1, before });
  const events = found.slice(0, AUDIT_PAGE);
  // approvals and other decisions name the change they were about (its number and its text)
  const changes = await changeLabels({ db, ids: events.filter((e) => e.entityType === "annotation").map((e) => e.entityId) });
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="mb-2 font-serif text-3xl font-bold">Audit log</h1>
      <p className="mb-6 text-stone-700">
        Newest first, {AUDIT_PAGE} events a page{before ? " (an older page)" : ""}.
      </p>
      <AuditTable events={events} showArticle changes={changes} />
      <AuditPager path="/admin/audit" before={before} older={found.length > AUDIT_PAGE ? events.at(-1) : undefined} />
    </main>
  );
}
