import { ARTICLE_STATUS_LABELS, articleStatusSchema } from "@/lib/articles/status";

const STYLE: Record<string, string> = {
  ingested: "bg-stone-200 text-stone-900",
  editing: "bg-amber-100 text-amber-900",
  in_review: "bg-blue-100 text-blue-900",
  approved: "bg-green-100 text-green-900",
};

export function StatusBadge({ status }: { status: string }) {
  const parsed = articleStatusSchema.safeParse(status);
  const label = parsed.success ? ARTICLE_STATUS_LABELS[parsed.data] : status;
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STYLE[status] ?? ""}`}>{label}</span>;
}
