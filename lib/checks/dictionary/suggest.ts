const LETTERS = "abcdefghijklmnopqrstuvwxyz'";

/** Words longer than this get no suggestions: the longest English dictionary words are about 45 letters. */
export const MAX_SUGGEST_LENGTH = 45;

const CACHE_LIMIT = 20_000;

/**
 * Hashes of every prefix and every suffix of the dictionary's words (first letter also lower-cased, as
 * `known` tries "Colombia" for "colombia"). An edit at position i can only make a word when the text
 * before i is some word's prefix and the text after it some word's suffix, so edits elsewhere are
 * skipped without building their strings. A hash collision only keeps an edit that is then looked up:
 * the suggestions stay exactly those of trying every edit, at a few steps per edit instead of
 * ~54 × length strings (a gibberish word cost ~0.4 s at two edits; an 8 KB token, seconds at one).
 */
interface AffixIndex {
  prefixes: Set<number>;
  suffixes: Set<number>;
  /** edits are the same for every article, and an unknown word tends to recur across a newsroom's copy */
  cache: Map<string, string[]>;
}

const indexes = new WeakMap<ReadonlySet<string>, AffixIndex>();

const step = (h: number, code: number) => (Math.imul(h, 31) + code) | 0;

function affixIndex(words: ReadonlySet<string>): AffixIndex {
  let index = indexes.get(words);
  if (index) return index;
  index = { prefixes: new Set([0]), suffixes: new Set([0]), cache: new Map() };
  const add = (w: string) => {
    let h = 0;
    for (let i = 0; i < w.length; i++) index!.prefixes.add((h = step(h, w.charCodeAt(i))));
    h = 0;
    for (let i = w.length - 1; i >= 0; i--) index!.suffixes.add((h = step(h, w.charCodeAt(i))));
  };
  for (const w of words) {
    add(w);
    if (w && w[0] !== w[0].toLowerCase()) add(w[0].toLowerCase() + w.slice(1));
  }
  indexes.set(words, index);
  return index;
}

/** [k, j]: `word.slice(0, k)` is the longest prefix some word has; `word.slice(j)` the longest suffix. */
function affixBounds(word: string, index: AffixIndex): [number, number] {
  let k = 0;
  let h = 0;
  while (k < word.length && index.prefixes.has((h = step(h, word.charCodeAt(k))))) k++;
  let j = word.length;
  h = 0;
  while (j > 0 && index.suffixes.has((h = step(h, word.charCodeAt(j - 1))))) j--;
  return [k, j];
}

/**
 * Single edits in the order a typist most often makes them: swapped, doubled, dropped, wrong letter;
 * with `[k, j]` from affixBounds only those that can be a word, the order of the ones kept unchanged.
 */
function edits(word: string, [k, j]: [number, number] = [word.length, 0]): string[] {
  const out: string[] = [];
  // an edit at i keeps word[0, i) and, after it, word[i + 2) (swap), word[i + 1) (drop, replace) or word[i) (insert)
  const lo = (keptFrom: number) => Math.max(0, j - keptFrom);
  for (let i = lo(2); i < word.length - 1 && i <= k; i++) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = lo(1); i < word.length && i <= k; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  for (let i = lo(0); i <= word.length && i <= k; i++) for (const c of LETTERS) out.push(word.slice(0, i) + c + word.slice(i));
  for (let i = lo(1); i < word.length && i <= k; i++) for (const c of LETTERS) if (c !== word[i]) out.push(word.slice(0, i) + c + word.slice(i + 1));
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

/** Up to `max` words of `words` at most `distance` edits from `word`, in the order a typist's slips rank them. */
export function suggestFrom(word: string, words: ReadonlySet<string>, max: number, distance: 1 | 2): string[] {
  if (word.length > MAX_SUGGEST_LENGTH) return [];
  const lower = word.toLowerCase().replace(/’/g, "'");
  const key = `${distance}:${lower}`;
  const index = affixIndex(words);
  const { cache } = index;
  let found = cache.get(key);
  if (!found) {
    found = [];
    const has = (w: string) => words.has(w);
    known(edits(lower, affixBounds(lower, index)), has, found);
    // two edits multiply the candidates by ~50 per letter: worth it only for words of ordinary length;
    // every first edit is a step, not only those that are words: a word two edits away may lie past a non-word
    if (distance === 2 && found.length === 0 && lower.length <= 12) for (const e of edits(lower)) known(edits(e, affixBounds(e, index)), has, found);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
  }
  return found.slice(0, max).map((s) => keepCase(word, s));
}
