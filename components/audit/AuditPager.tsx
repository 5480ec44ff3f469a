import Link from "next/link";
import { formatAuditCursor, type AuditCursor } from "@/lib/audit/list-events";

/** Events per page of an audit trail: the whole log's and an article's. */
export const AUDIT_PAGE = 200;

/** Links between pages of an audit trail (plain links: paging works without JavaScript). */
export function AuditPager({ path, before, older }: { path: string; before?: AuditCursor; older?: AuditCursor }) {
  if (!before && !older) return null;
  return (
    <nav aria-label="Pages of the audit trail" className="mt-4 flex gap-4 text-sm">
      {before && (
        <Link href={path} className="btn btn-secondary">
          ← Newest events
        </Link>
      )}
      {older && (
        <Link href={`${path}?before=${encodeURIComponent(formatAuditCursor(older))}`} className="btn btn-secondary ml-auto" rel="next">
          Older events →
        </Link>
      )}
    </nav>
  );
}
