import { requirePageActor } from "@/app/_auth/current-actor";
import { AuditTable } from "@/components/audit/AuditTable";
import { db } from "@/lib/db";
import { listEvents } from "@/lib/audit/list-events";
import { changeLabels } from "@/lib/annotations/change-labels";

export const metadata = { title: "Audit log · Copydesk" };

export default async function AuditLogPage() {
  const actor = await requirePageActor("audit:read-all");
  const events = await listEvents({ db, actor });
  // approvals and other decisions name the change they were about (its number and its text)
  const changes = await changeLabels({ db, ids: events.filter((e) => e.entityType === "annotation").map((e) => e.entityId) });
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="mb-6 font-serif text-3xl font-bold">Audit log</h1>
      <AuditTable events={events} showArticle changes={changes} />
    </main>
  );
}
