import type { PositionMap } from "@/lib/revisions/apply-changes";
import { similarity } from "./edit-distance";
import { quoteSelector } from "./quote-selector";
import { reanchor, type Anchor, type Reanchored } from "./reanchor";

/**
 * Re-anchor a mark after known edits: the old range mapped through the edits is the hint, and the
 * old text's other copies of the quote are used as evidence. A copy that survived in place is someone
 * else's text and is ruled out. When the mark's own text left its place (moved or deleted) and another
 * copy also left its place, an identical copy found elsewhere could be either one: it is kept only if
 * its surroundings fit this mark's clearly better than the other copy's, else the mark is orphaned
 * rather than guessed (bench/anchoring.ts found exactly that as its last wrong anchors).
 */
export function reanchorAfterEdit(anchor: Anchor, oldText: string, newText: string, map: PositionMap): Reanchored {
  const hint = { start: map(anchor.start, "start"), end: map(anchor.end, "end") };
  if (newText.slice(hint.start, hint.end) === anchor.exact) {
    return { status: "anchored", start: hint.start, end: hint.end, method: "position", score: 1 };
  }
  if (hint.start === hint.end) {
    const moved = followMove(anchor, oldText, newText, map, hint.start);
    if (moved) return { status: "anchored", ...moved, method: "quote", score: 1 };
  }
  const copies = otherCopies(anchor, oldText, newText, map);
  const found = reanchor(anchor, newText, hint, copies.survivors);
  if (found.status !== "anchored" || hint.start !== hint.end || copies.displaced.length === 0) return found;
  // The found copy must look more like this mark's old surroundings than like any displaced copy's.
  const here = contextAt(newText, found.start, found.end);
  const mine = contextSimilarity(here, anchor);
  const rival = Math.max(...copies.displaced.map((d) => contextSimilarity(here, quoteSelector(oldText, d, d + anchor.exact.length))));
  if (mine - rival < CONTEXT_MARGIN) {
    return { status: "orphaned", score: found.score, reason: "ambiguous: another copy of this text also moved or was deleted" };
  }
  return found;
}

// How much better (0..1) the found place's surroundings must fit this mark than a displaced look-alike's.
const CONTEXT_MARGIN = 0.15;

function contextAt(text: string, start: number, end: number) {
  return quoteSelector(text, start, end);
}

function contextSimilarity(found: { prefix: string; suffix: string }, stored: { prefix: string; suffix: string }): number {
  return (similarity(found.prefix, stored.prefix) + similarity(found.suffix, stored.suffix)) / 2;
}

/** Where the old text's other copies of the quote landed unchanged, and how many did not. */
function otherCopies(anchor: Anchor, oldText: string, newText: string, map: PositionMap) {
  const survivors: { start: number; end: number }[] = [];
  const displaced: number[] = [];
  const length = anchor.exact.length;
  for (let at = oldText.indexOf(anchor.exact); at !== -1; at = oldText.indexOf(anchor.exact, at + 1)) {
    if (at === anchor.start) continue;
    const start = map(at, "start");
    const end = map(at + length, "end");
    if (newText.slice(start, end) === anchor.exact) survivors.push({ start, end });
    else displaced.push(at);
  }
  return { survivors, displaced };
}

// Shorter cut text than this is not distinctive enough to say where it went.
const MIN_MOVED_CHARS = 40;

/**
 * A mark whose text collapsed to a point was deleted or moved away. A move is a deletion plus an
 * insertion of the same text: find the whole stretch that was cut around the mark, and if the old
 * text had it once and the new text has it once, that is where the mark's text went — however
 * common the mark's own words are ("that" in a moved paragraph).
 */
function followMove(anchor: Anchor, oldText: string, newText: string, map: PositionMap, point: number) {
  // the map is monotone: the cut stretch is every old offset that lands on this one point
  let lo = 0;
  let hi = anchor.start;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map(mid, "start") < point) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  lo = anchor.end;
  hi = oldText.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map(mid, "end") > point) hi = mid - 1;
    else lo = mid;
  }
  // whitespace at the cut's edges (a paragraph break) may be found on either side of it
  const [cutStart, cutEnd] = trimmed(oldText, first, lo);
  const cut = oldText.slice(cutStart, cutEnd);
  if (cut.length < MIN_MOVED_CHARS || anchor.start < cutStart || anchor.end > cutEnd) return null;
  const at = newText.indexOf(cut);
  if (at === -1 || newText.indexOf(cut, at + 1) !== -1 || oldText.indexOf(cut) !== cutStart || oldText.indexOf(cut, cutStart + 1) !== -1) return null;
  const start = at + (anchor.start - cutStart);
  return { start, end: start + anchor.exact.length };
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}
