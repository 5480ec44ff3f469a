import { reanchor } from "@/lib/anchoring/reanchor";
import { isValidRange } from "@/lib/anchoring/quote-selector";
import { utf16Offset, type ImportedAnnotation } from "@/lib/w3c/from-web-annotation";

/** Longer quotes are placed only where they occur word for word, once: an approximate search grows with their length. */
export const MAX_FUZZY_QUOTE = 2_000;

export interface PlacingInput {
  text: string;
  items: ImportedAnnotation[];
}
export type Placed = { status: "anchored"; start: number; end: number; method: string };
export type Placement = { index: number; placed: Placed } | { index: number; reason: string };

/** Where each imported annotation goes in `text`, or why it cannot be placed (by its index in `items`). */
export function placeAll({ text, items }: PlacingInput): Placement[] {
  return items.map((item, index) => {
    const where = place(text, item);
    return where.status === "anchored" ? { index, placed: where } : { index, reason: `not anchored: ${where.reason}` };
  });
}

function place(text: string, item: ImportedAnnotation): Placed | { status: "orphaned"; reason: string } {
  const start = item.start === undefined ? 0 : utf16Offset(text, item.start);
  const end = item.end === undefined ? 0 : utf16Offset(text, item.end);
  if (item.start !== undefined && isValidRange(text, start, end) && text.slice(start, end) === item.exact) return { status: "anchored", start, end, method: "position" };
  const unique = uniqueQuote(text, item.exact);
  if (unique) return unique;
  if (item.exact.length > MAX_FUZZY_QUOTE) {
    return { status: "orphaned", reason: `a quote over ${MAX_FUZZY_QUOTE.toLocaleString("en")} characters is placed only where it occurs word for word, once; this one (${item.exact.length.toLocaleString("en")} characters) does not` };
  }
  const found = reanchor({ start, end, exact: item.exact, prefix: item.prefix, suffix: item.suffix }, text);
  return found.status === "anchored" ? { status: "anchored", start: found.start, end: found.end, method: found.method } : found;
}

// Other tools often send a short context (or none), which reanchor rightly weighs little. A quote of
// some length that occurs exactly once in the text is unambiguous on its own.
const DISTINCTIVE_QUOTE = 10;

function uniqueQuote(text: string, exact: string): Placed | null {
  if (exact.length < DISTINCTIVE_QUOTE) return null;
  const at = text.indexOf(exact);
  if (at < 0 || text.indexOf(exact, at + 1) >= 0) return null;
  // a quote that begins or ends with half an emoji matches inside a pair: not a range anyone selected
  if (!isValidRange(text, at, at + exact.length)) return null;
  return { status: "anchored", start: at, end: at + exact.length, method: "unique quote" };
}
