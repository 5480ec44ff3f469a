/** A piece of a block's text that the same set of annotations covers. */
export interface Segment {
  start: number;
  end: number;
  /** ids of annotations covering the whole piece, innermost (shortest) first */
  covering: string[];
  /** ids of annotations that end exactly here (their badge follows the piece) */
  endingHere: string[];
}

interface Range {
  id: string;
  start: number;
  end: number;
}

/**
 * Where each range's badge goes: its end, or, when that end lies between blocks (a whole-block
 * deletion takes the blank line after the block with it) or after the last one, the end of the
 * last block it covers. Without this such a mark had no badge, so nobody could reach it from the text.
 */
export function withBadgeEnds<R extends Range>(ranges: R[], blocks: readonly { start: number; end: number }[]): (R & { badgeAt: number })[] {
  return ranges.map((r) => {
    // blocks are in text order: the last one that starts before the mark's end (binary search, as
    // an article can have thousands of marks and hundreds of blocks)
    let lo = 0;
    let hi = blocks.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid].start < r.end) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const b = blocks[last];
    // inside that block, or it ends before the mark: its end is the mark's last visible point
    const badgeAt = !b || r.end <= b.end || b.end <= r.start ? r.end : b.end;
    return { ...r, badgeAt };
  });
}

/**
 * Cut [blockStart, blockEnd) at every annotation boundary inside it, so overlapping and
 * block-crossing annotations render as plain nested-free spans.
 */
export function segmentsFor(blockStart: number, blockEnd: number, ranges: (Range & { badgeAt?: number })[]): Segment[] {
  const inside = ranges.filter((r) => r.start < blockEnd && r.end > blockStart);
  const cuts = new Set([blockStart, blockEnd]);
  for (const r of inside) {
    if (r.start > blockStart) cuts.add(r.start);
    if (r.end < blockEnd) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = inside
      .filter((r) => r.start <= start && r.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))
      .map((r) => r.id);
    const endingHere = inside.filter((r) => (r.badgeAt ?? r.end) === end).map((r) => r.id);
    out.push({ start, end, covering, endingHere });
  }
  return out;
}
