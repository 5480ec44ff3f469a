import type { Block } from "@/lib/ingest/blocks";
import type { QuoteSpan } from "../quotes/find-quotes";

const ABBREVIATIONS = new Set(
  "mr mrs ms dr st gen sen rep gov lt col sgt capt prof jr sr inc co corp ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec".split(" "),
);

/** Whether the full stop at `at` closes an abbreviation or an initial rather than a sentence. */
export function isAbbreviationDot(text: string, at: number, from = 0): boolean {
  const word = /([\p{L}]+)$/u.exec(text.slice(Math.max(from, at - 12), at))?.[1] ?? "";
  return word.length === 1 || ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Sentence ranges of one block. A full stop inside a quotation does not end the sentence around it
 * ("… the dedication "Gustavo: a great honor. I love Colombia" was shared …"), nor does one after an
 * abbreviation or an initial ("Mr.", "D.C."). `inside` are the block's quotations.
 */
export function sentencesOf(text: string, block: Block, inside: readonly QuoteSpan[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = block.start;
  // the look-behind starts a try only at a run's first mark: "......" is one try, not one per dot
  const re = /(?<![.!?…])[.!?…]+["”’')\]]*(?=\s+["“‘'(]?[\p{Lu}\p{N}])/gu;
  const within = enclosedByQuote(inside);
  const body = text.slice(block.start, block.end);
  for (const m of body.matchAll(re)) {
    const at = block.start + m.index;
    const end = at + m[0].length;
    if (within(at, end)) continue;
    if (m[0][0] === "." && isAbbreviationDot(text, at, block.start)) continue;
    out.push([start, end]);
    start = end;
    while (start < block.end && /\s/.test(text[start])) start++;
  }
  if (start < block.end) out.push([start, block.end]);
  return out;
}

/** Whether [at, end) lies inside one of the quotations' words, by binary search rather than a scan per full stop. */
function enclosedByQuote(quotes: readonly QuoteSpan[]): (at: number, end: number) => boolean {
  const byStart = [...quotes].sort((a, b) => a.innerStart - b.innerStart);
  // quotes may nest (a single-quoted passage around a double-quoted one): keep the furthest end so far
  const reach: number[] = [];
  for (const q of byStart) reach.push(Math.max(q.innerEnd, reach[reach.length - 1] ?? -1));
  return (at, end) => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid].innerStart <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] >= end;
  };
}
