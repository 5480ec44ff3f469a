import Link from "next/link";
import { LocalTime } from "@/components/ui/LocalTime";
import type { ChangeLabel } from "@/lib/annotations/change-labels";

interface Event {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  createdAt: Date;
  actor: { name: string } | null;
  article: { id: string; title: string } | null;
}

/** Audit events with their before/after state, newest first. */
export function AuditTable({ events, showArticle, changes = {} }: { events: Event[]; showArticle: boolean; changes?: Record<string, ChangeLabel> }) {
  if (events.length === 0) return <p>No events.</p>;
  return (
    <table className="w-full border-collapse bg-white text-left text-xs shadow-sm">
      <caption className="sr-only">Audit events, newest first</caption>
      <thead className="border-b border-stone-300 bg-stone-100">
        <tr>
          <th scope="col" className="p-2">Time</th>
          <th scope="col" className="p-2">Who</th>
          <th scope="col" className="p-2">Action</th>
          {showArticle && <th scope="col" className="p-2">Article</th>}
          <th scope="col" className="p-2">Before</th>
          <th scope="col" className="p-2">After</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} className="border-b border-stone-200 align-top">
            <td className="whitespace-nowrap p-2"><LocalTime iso={e.createdAt.toISOString()} seconds /></td>
            <td className="p-2">{e.actor?.name ?? "system"}</td>
            <td className="p-2 font-semibold">
              {e.action.replace(/_/g, " ")}{" "}
              {changes[e.entityId] ? (
                <span className="font-normal">{describeChange(changes[e.entityId])}</span>
              ) : (
                <span className="font-normal text-stone-600">{e.entityType}</span>
              )}
            </td>
            {showArticle && (
              <td className="p-2">{e.article ? <Link href={`/articles/${e.article.id}`} className="text-blue-900 underline">{e.article.title}</Link> : "—"}</td>
            )}
            <td className="max-w-64 break-words p-2 font-mono text-stone-700">{summarise(e.before)}</td>
            <td className="max-w-64 break-words p-2 font-mono text-stone-700">{summarise(e.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "change #4 “thecapture” → “the capture”": which change a decision was about, as the page numbers it. */
function describeChange(c: ChangeLabel): string {
  const cut = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
  const what = c.replacement === null ? "note" : "change";
  const to = c.replacement === null ? "" : c.replacement === "" ? " → delete" : ` → “${cut(c.replacement)}”`;
  return `${what} #${c.number} “${cut(c.exact)}”${to}`;
}

function summarise(json: string | null): string {
  if (!json) return "";
  try {
    const v = JSON.parse(json) as Record<string, unknown>;
    const keep = ["status", "category", "exact", "replacement", "note", "reviewNote", "revision", "kind", "position", "format", "word", "applied", "findings", "added", "superseded", "comment", "body", "title"];
    return Object.entries(v)
      .filter(([k]) => keep.includes(k))
      .map(([k, val]) => `${k}: ${typeof val === "string" ? (val.length > 60 ? `${val.slice(0, 60)}…` : val) : JSON.stringify(val)}`)
      .join("; ");
  } catch {
    return json.slice(0, 120);
  }
}
