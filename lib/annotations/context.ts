/**
 * A few words either side of a mark, so a card says *which* "The" it is about. Cut at word
 * boundaries and at block breaks (a blank line ends the context: the headline is not the
 * paragraph's context).
 */
export function contextAround(text: string, start: number, end: number, words = 5): { before: string; exact: string; after: string } {
  const blockStart = text.lastIndexOf("\n", start - 1) + 1;
  // a mark that takes its block's line break along (a whole duplicated caption) has no "after"
  const nextBreak = text.indexOf("\n", Math.max(start, end - 1));
  const blockEnd = nextBreak < 0 ? text.length : nextBreak;
  const head = text.slice(blockStart, start);
  const tail = text.slice(end, Math.max(end, blockEnd));
  const headWords = head.match(/\S+\s*$|\S+\s+/g) ?? [];
  const before = headWords.slice(-words).join("");
  const after = (tail.match(/^\s*\S+|\s+\S+/g) ?? []).slice(0, words).join("");
  return {
    before: (before.length < head.length ? "…" : "") + before,
    exact: text.slice(start, end),
    after: after + (after.length < tail.length ? "…" : ""),
  };
}
