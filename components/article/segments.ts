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
 * Cut [blockStart, blockEnd) at every annotation boundary inside it, so overlapping and
 * block-crossing annotations render as plain nested-free spans.
 */
export function segmentsFor(blockStart: number, blockEnd: number, ranges: Range[]): Segment[] {
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
    const endingHere = inside.filter((r) => r.end === end).map((r) => r.id);
    out.push({ start, end, covering, endingHere });
  }
  return out;
}
