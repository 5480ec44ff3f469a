import { ARTICLE_STATUS_LABELS } from "@/lib/articles/status-labels";
import type { ArticleStatus } from "@/lib/workflow/statuses";

const STYLE: Record<string, string> = {
  ingested: "bg-stone-200 text-stone-900",
  editing: "bg-amber-100 text-amber-900",
  in_review: "bg-blue-100 text-blue-900",
  approved: "bg-green-100 text-green-900",
};

export function StatusBadge({ status }: { status: string }) {
  // a status this build does not know shows as itself
  const label = Object.hasOwn(ARTICLE_STATUS_LABELS, status) ? ARTICLE_STATUS_LABELS[status as ArticleStatus] : status;
  return <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${STYLE[status] ?? ""}`}>{label}</span>;
}
