interface Text {
  text: string;
  blocks: { kind: string; start: number; end: number }[];
}

/**
 * The blocks of `next` that are not in `previous` (same kind and same words), as [start, end) ranges
 * of next's text. After an applied change only these are checked for new findings: the rest of the
 * article was checked before and its findings were already accepted, dismissed or waived.
 */
export function changedRanges(previous: Text, next: Text): { start: number; end: number }[] {
  const before = new Map<string, number>();
  for (const b of previous.blocks) {
    const key = `${b.kind}\u0000${previous.text.slice(b.start, b.end)}`;
    before.set(key, (before.get(key) ?? 0) + 1);
  }
  const changed: { start: number; end: number }[] = [];
  for (const b of next.blocks) {
    const key = `${b.kind}\u0000${next.text.slice(b.start, b.end)}`;
    const left = before.get(key) ?? 0;
    // a repeated paragraph counts once per copy, so a duplicated one is new
    if (left > 0) before.set(key, left - 1);
    else changed.push({ start: b.start, end: b.end });
  }
  return changed;
}

/** Whether [start, end) overlaps one of the ranges; an empty finding (a missing mark) counts at either edge. */
export function touches(ranges: { start: number; end: number }[], start: number, end: number): boolean {
  return ranges.some((r) => (start === end ? start >= r.start && start <= r.end : start < r.end && end > r.start));
}
