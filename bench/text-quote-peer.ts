/**
 * The peer bench/anchoring.ts measures ours against: text-quote anchoring as Hypothesis did it with
 * diff-match-patch (dom-anchor-text-quote, the library behind its annotator before it moved to
 * approx-string-match). Written here from that algorithm's description, not copied:
 * 1. look for the prefix first, anywhere in the text (the match distance spans the whole text, so
 *    closeness to the expected offset only breaks ties); where it ends is where the quote should start;
 * 2. if there is no prefix match, look for the suffix and step back by the quote's length;
 * 3. find the quote slice by slice (diff-match-patch's bitap takes at most 32 characters), the first
 *    slice anywhere, each next one close after the last; the match spans all the slices.
 * Any slice not found orphans the annotation. There is no score and no threshold: whatever the slices
 * land on is the answer, which is what a fair peer should be judged on.
 */
import DiffMatchPatch from "diff-match-patch";
import type { Anchor } from "@/lib/anchoring/reanchor";

// Match_MaxBits: bitap takes at most 32 characters
const SLICES = /[\s\S]{1,32}/g;
const NEXT_SLICE_DISTANCE = 64; // "the next slice should follow this one closely"

interface Range {
  start: number;
  end: number;
}

export function textQuotePeer(anchor: Anchor, text: string, hint: number): Range | null {
  const dmp = new DiffMatchPatch(); // default Match_Threshold 0.5, as the library leaves it
  dmp.Match_Distance = text.length * 2;
  let loc = hint;
  let foundPrefix = false;
  if (anchor.prefix) {
    const at = dmp.match_main(text, anchor.prefix, loc);
    if (at > -1) {
      loc = at + anchor.prefix.length;
      foundPrefix = true;
    }
  }
  if (anchor.suffix && !foundPrefix) {
    const at = dmp.match_main(text, anchor.suffix, loc + anchor.exact.length);
    if (at > -1) loc = at - anchor.exact.length;
  }
  const slices = anchor.exact.match(SLICES) ?? [];
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const [i, slice] of slices.entries()) {
    if (i === 1) dmp.Match_Distance = NEXT_SLICE_DISTANCE;
    const at = dmp.match_main(text, slice, loc);
    if (at === -1) return null;
    loc = at + slice.length;
    start = Math.min(start, at);
    end = Math.max(end, at + slice.length);
  }
  return slices.length === 0 ? null : { start, end };
}
