import { ANNOTATION_CATEGORIES, CATEGORY_LABELS, type AnnotationCategory } from "@/lib/annotations/category-labels";

/**
 * Open annotations of one article by category, in the article list (50 rows a page). Each label is
 * one string, not "{label}: {n}" as three text nodes: the same text, a third of the text nodes React
 * renders.
 */
export function CategoryCounts({ counts, total }: { counts: Partial<Record<AnnotationCategory, number>>; total: number }) {
  if (total === 0) return <span className="text-stone-600">none</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={`${total} annotation${total === 1 ? "" : "s"}`}>
      {ANNOTATION_CATEGORIES.filter((c) => counts[c]).map((c) => (
        <li key={c} className={`mark-${c} rounded px-1.5 text-xs`}>
          {`${CATEGORY_LABELS[c]}: ${counts[c]}`}
        </li>
      ))}
    </ul>
  );
}
