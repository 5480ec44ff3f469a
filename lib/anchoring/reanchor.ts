import search from "approx-string-match";
import { editDistance, similarity } from "./edit-distance";
import { keptWordShare } from "./kept-words";
import { CONTEXT_CHARS, isValidRange } from "./quote-selector";

/** An annotation's selectors on the revision it was made on (TextPositionSelector + TextQuoteSelector). */
export interface Anchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export type Reanchored =
  | { status: "anchored"; start: number; end: number; method: "position" | "quote" | "fuzzy" | "edited"; score: number }
  | { status: "orphaned"; score: number; reason: string };

/** A quote-or-fuzzy match scoring below this (0..1, quote and context together) is not trusted: orphaned. */
export const FUZZY_THRESHOLD = 0.75;
/** A fuzzy match must keep this share of the quote, however well its context fits ("Obama" never becomes "Biden"). */
export const MIN_QUOTE_SIMILARITY = 0.7;
/**
 * Two places whose evidence differs by less than this cannot be told apart, and the anchor is orphaned
 * rather than guessed. Counted in characters of evidence (a quote character counts 1, a context character
 * up to 3 on the side that fits better and 1 on the other) so long and short quotes are judged alike.
 */
export const DISTINCT_EVIDENCE = 12;
/** With the edits known, a mark whose text they changed stays on it if this share of its words survived (kept-words.ts). */
export const MIN_KEPT_WORDS = 0.5;
/** Without a hint, how far around the old offset a fuzzy search looks before it searches the whole text. */
export const SEARCH_RADIUS = 2_000;

const CONTEXT_WEIGHT = 2 * CONTEXT_CHARS;
// Unrelated stretches of prose are about this similar (shared letters, spaces), so only similarity
// above it is evidence of being the same place.
const UNRELATED_SIMILARITY = 0.5;
// A Unicode noncharacter, never in text: masked exact copies cannot match the quote.
const MASK = "\uffff";

interface Range {
  start: number;
  end: number;
}

interface Match extends Range {
  errors: number;
}

interface Candidate extends Match {
  score: number;
}

/**
 * Find an annotation's text in a new revision: at the hinted position, else an exact copy of the quote,
 * else an approximate one, judged by quote and context. A place that is poor or cannot be told apart
 * from another is never chosen: the anchor is orphaned.
 *
 * `hint` is the old range mapped through the applied changes (ApplyResult.map); leave it out when the
 * changes are unknown. What the hint says narrows the search:
 * - it no longer reads as the quote: a change rewrote this very text, so only a match overlapping the
 *   rewritten range counts (a copy elsewhere is another text);
 * - it collapsed to a point: the text was deleted or moved away, and moved text is unchanged, so only
 *   an exact copy counts (a look-alike elsewhere is not this text).
 * `others` lists where the old text's other copies of the quote landed: those are never this mark.
 */
export function reanchor(anchor: Anchor, newText: string, hint?: Range, others: Range[] = []): Reanchored {
  if (anchor.exact === "") return { status: "orphaned", score: 0, reason: "the annotation quotes no text" };
  const expected = hint && isInside(hint, newText.length) ? hint : undefined;
  if (expected && newText.slice(expected.start, expected.end) === anchor.exact) {
    return { status: "anchored", start: expected.start, end: expected.end, method: "position", score: 1 };
  }

  const quote = anchor.exact;
  const judge = (found: Match[]) => decide(found.map(scorer(anchor, newText)), quote.length);
  // `others`: where other copies of the quote that were in the old text landed. They were never this
  // annotation's text, however well their context fits (reanchorAfterEdit computes them).
  const exact = exactMatches(newText, quote).filter((m) => !others.some((o) => o.start === m.start && o.end === m.end));
  if (expected && expected.start === expected.end) return judge(exact);

  const around = (centre: Range, radius: number) => ({
    start: Math.max(0, centre.start - radius),
    end: Math.min(newText.length, centre.end + radius),
  });
  if (expected) {
    // The map says exactly where this text went and that a change rewrote it: judge that very range.
    // Searching around it lets an approximate match borrow neighbouring words to make up for the edit
    // and spill past the mark's own text (measured by bench/anchoring.ts as its only wrong anchors).
    const found = newText.slice(expected.start, expected.end);
    const here = { ...expected, errors: editDistance(quote, found) };
    const judged = quoteSimilarity(here, quote.length) >= MIN_QUOTE_SIMILARITY ? judge([here]) : null;
    if (judged?.status === "anchored") return judged;
    // Letters are a poor measure of an edit that inserted or deleted whole words ("garden hoses" →
    // "garden date followed above hoses"): the mark's own words are all still there, at the place the
    // map gives. It stays on its text if at least half its wording survived (the caller records the
    // old quote beside the new one); less than that, and the change rewrote it: orphaned.
    const kept = keptWordShare(quote, found);
    if (kept >= MIN_KEPT_WORDS) return { status: "anchored", start: expected.start, end: expected.end, method: "edited", score: kept };
    return judged ?? { status: "orphaned", score: 0, reason: "a change rewrote most of the quoted text" };
  }
  const start = Math.min(Math.max(anchor.start, 0), newText.length);
  const window = around({ start, end: start + quote.length }, SEARCH_RADIUS);
  const nearby = judge([...exact, ...approximateMatches(newText, quote, window)]);
  // only a miss is worth a search of the whole text; an ambiguous result would stay ambiguous
  const searchedAll = window.start === 0 && window.end === newText.length;
  if (nearby.status === "anchored" || nearby.score >= FUZZY_THRESHOLD || searchedAll) return nearby;
  return judge([...exact, ...approximateMatches(newText, quote, { start: 0, end: newText.length })]);
}

function isInside(range: Range, length: number): boolean {
  return Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end <= length;
}

function exactMatches(text: string, quote: string): Match[] {
  const found: Match[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (isValidRange(text, at, at + quote.length)) found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/**
 * Approximate matches inside `within`, widened so none cuts an emoji in half (each code unit taken in
 * counts as one more error). Exact copies are masked first: the search reports only the fewest-error
 * matches, and the exact copies, already candidates, would hide every edited one.
 */
function approximateMatches(text: string, quote: string, within: Range): Match[] {
  const maxErrors = Math.floor(quote.length * (1 - MIN_QUOTE_SIMILARITY));
  if (maxErrors === 0) return [];
  const masked = text.slice(within.start, within.end).split(quote).join(MASK.repeat(quote.length));
  return search(masked, quote, maxErrors)
    .map((m) => {
      const start = widenStart(text, within.start + m.start);
      const end = widenEnd(text, within.start + m.end);
      return { start, end, errors: m.errors + (end - start) - (m.end - m.start) };
    })
    .filter((m) => m.end > m.start && quoteSimilarity(m, quote.length) >= MIN_QUOTE_SIMILARITY);
}

/** Like `similarity`: errors over the longer of the quote and the matched text. */
function quoteSimilarity(m: Match, quoteLength: number): number {
  return Math.max(0, 1 - m.errors / Math.max(quoteLength, m.end - m.start));
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

function widenStart(text: string, at: number): number {
  return at > 0 && isLowSurrogate(text, at) ? at - 1 : at;
}

function widenEnd(text: string, at: number): number {
  return at < text.length && isLowSurrogate(text, at) ? at + 1 : at;
}

/**
 * Quote and context evidence in one 0..1 score, weighted by length so a long quote counts for more
 * than its 64 characters of context. The context side that fits better counts most: a moved
 * paragraph keeps the text on one side of a mark at its edge but not on the other.
 */
function scorer(anchor: Anchor, text: string) {
  const quoteLength = anchor.exact.length;
  // context is CONTEXT_CHARS a side (quoteSelector); a longer one from another tool, or a hostile
  // import, would cost its length squared at every candidate, so only its nearest part is read
  const prefix = anchor.prefix.slice(-CONTEXT_CHARS);
  const suffix = anchor.suffix.slice(0, CONTEXT_CHARS);
  return (m: Match): Candidate => {
    const quote = quoteSimilarity(m, quoteLength);
    const before = sideEvidence(prefix, text.slice(Math.max(0, m.start - prefix.length), m.start));
    const after = sideEvidence(suffix, text.slice(m.end, m.end + suffix.length));
    const context = 0.75 * Math.max(before, after) + 0.25 * Math.min(before, after);
    return { ...m, score: (quoteLength * quote + CONTEXT_WEIGHT * context) / (quoteLength + CONTEXT_WEIGHT) };
  };
}

/**
 * How much one side's context says "same place": only similarity above that of unrelated prose counts,
 * and a context cut short by the text's edge ("." at the very end) says little, however well it fits.
 */
function sideEvidence(stored: string, found: string): number {
  const beyondChance = Math.max(0, (similarity(stored, found) - UNRELATED_SIMILARITY) / (1 - UNRELATED_SIMILARITY));
  return beyondChance * Math.min(1, stored.length / CONTEXT_CHARS);
}

function decide(candidates: Candidate[], quoteLength: number): Reanchored {
  if (candidates.length === 0) return { status: "orphaned", score: 0, reason: "the quoted text is no longer in the text" };
  const best = candidates.reduce((a, b) => (b.score > a.score || (b.score === a.score && b.errors < a.errors) ? b : a));
  if (best.score < FUZZY_THRESHOLD) {
    return { status: "orphaned", score: best.score, reason: `the closest match scored ${best.score.toFixed(2)}, below ${FUZZY_THRESHOLD}` };
  }
  const margin = DISTINCT_EVIDENCE / (quoteLength + CONTEXT_WEIGHT);
  const rivals = candidates.filter((c) => !overlaps(c, best) && best.score - c.score < margin);
  if (rivals.length > 0) {
    return { status: "orphaned", score: best.score, reason: "ambiguous: more than one place matches about equally well" };
  }
  return { status: "anchored", start: best.start, end: best.end, method: best.errors === 0 ? "quote" : "fuzzy", score: best.score };
}

function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}
