import { quoteSelector } from "@/lib/anchoring/quote-selector";
import type { ExportableAnnotation } from "./to-web-annotation";

/** Shared by the W3C export and import tests. */

// An emoji before the annotations: our offsets (UTF-16) and the spec's (code points) differ by one.
export const TEXT = "Breaking 🚨: The mayor said teh budget was final, final. “We are done,” she said on Tuesday.";

export function annotation(exact: string, fields: Partial<ExportableAnnotation> = {}): ExportableAnnotation {
  const start = TEXT.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the text`);
  return {
    id: `ann-${exact.length}-${start}`,
    revisionId: "rev-2",
    start,
    end: start + exact.length,
    ...quoteSelector(TEXT, start, start + exact.length),
    category: "other",
    replacement: null,
    note: null,
    speaker: null,
    status: "proposed",
    authorId: "user-1",
    authorName: "Ada Editor",
    source: "editor",
    message: null,
    createdAt: "2026-11-20T10:00:00.000Z",
    updatedAt: "2026-11-21T09:30:00.000Z",
    ...fields,
  };
}

