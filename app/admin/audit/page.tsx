import { requirePageActor } from "@/app/_auth/current-actor";
import { AuditTable } from "@/components/audit/AuditTable";
import { db } from "@/lib/db";
import Link from "next/link";
import { formatAuditCursor, listEvents, parseAuditCursor } from "@/lib/audit/list-events";
import { changeLabels } from "@/lib/annotations/change-labels";

export const metadata = { title: "Audit log · Copydesk" };

const PAGE = 200;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const actor = await requirePageActor("audit:read-all");
  const before = parseAuditCursor((await searchParams).before);
  // one more than a page: whether there are older events to link to
  const found = await listEvents({ db, actor, take: PAGE + 1, before });
  const events = found.slice(0, PAGE);
  const older = found.length > PAGE ? events.at(-1) : undefined;
  // approvals and other decisions name the change they were about (its number and its text)
  const changes = await changeLabels({ db, ids: events.filter((e) => e.entityType === "annotation").map((e) => e.entityId) });
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="mb-2 font-serif text-3xl font-bold">Audit log</h1>
      <p className="mb-6 text-stone-700">
        Newest first, {PAGE} events a page{before ? " (an older page)" : ""}.
      </p>
      <AuditTable events={events} showArticle changes={changes} />
      {(before || older) && (
      <nav aria-label="Pages of the audit log" className="mt-4 flex gap-4 text-sm">
        {before && (
          <Link href="/admin/audit" className="btn btn-secondary">
            ← Newest events
          </Link>
        )}
        {older && (
          <Link href={`/admin/audit?before=${encodeURIComponent(formatAuditCursor(older))}`} className="btn btn-secondary ml-auto" rel="next">
            Older events →
          </Link>
        )}
      </nav>
      )}
    </main>
  );
}
