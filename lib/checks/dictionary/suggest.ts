const LETTERS = "abcdefghijklmnopqrstuvwxyz'";

// edits are the same for every article, and an unknown word tends to recur across a newsroom's copy
const cache = new Map<string, string[]>();
const CACHE_LIMIT = 20_000;

/** Single edits in the order a typist most often makes them: swapped, doubled, dropped, wrong letter. */
function edits(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length - 1; i++) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) out.push(word.slice(0, i) + c + word.slice(i));
  for (let i = 0; i < word.length; i++) for (const c of LETTERS) if (c !== word[i]) out.push(word.slice(0, i) + c + word.slice(i + 1));
  return out;
}

function known(candidates: Iterable<string>, has: (w: string) => boolean, into: string[]) {
  for (const c of candidates) {
    const proper = c ? c[0].toUpperCase() + c.slice(1) : c;
    const hit = has(c) ? c : has(proper) ? proper : null;
    if (hit && !into.includes(hit)) into.push(hit);
  }
}

function keepCase(original: string, suggestion: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return suggestion.toUpperCase();
  if (original[0] === original[0].toUpperCase()) return suggestion[0].toUpperCase() + suggestion.slice(1);
  return suggestion;
}

export function suggestFrom(word: string, has: (w: string) => boolean, max: number, distance: 1 | 2): string[] {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const key = `${distance}:${lower}`;
  let found = cache.get(key);
  if (!found) {
    found = [];
    const first = edits(lower);
    known(first, has, found);
    // two edits multiply the candidates by ~50 per letter: worth it only for words of ordinary length
    if (distance === 2 && found.length === 0 && lower.length <= 12) for (const e of first) known(edits(e), has, found);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
  }
  return found.slice(0, max).map((s) => keepCase(word, s));
}
