/**
 * How much of a mark's own wording is still in `found`: the longest run of its words, in order, that
 * `found` still contains (words inserted between them don't count against it), weighted by length
 * and taken as a share of the quote's non-space characters. 1 when every word is still there, 0 when
 * none is. Whole words, not letters: any two stretches of prose share letters in order, but a
 * replaced word shares nothing with what replaced it ("that" → "this" keeps nothing).
 */
export function keptWordShare(quote: string, found: string): number {
  const before = words(quote);
  const after = words(found);
  const total = before.reduce((n, w) => n + w.length, 0);
  if (total === 0) return 0;
  // weighted longest common subsequence over words, one row at a time
  let row = new Array<number>(after.length + 1).fill(0);
  for (const w of before) {
    const next = new Array<number>(after.length + 1).fill(0);
    for (let j = 0; j < after.length; j++) {
      next[j + 1] = w === after[j] ? row[j] + w.length : Math.max(row[j + 1], next[j]);
    }
    row = next;
  }
  return row[after.length] / total;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== "");
}
