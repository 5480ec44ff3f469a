/**
 * What a person types, matched against what was published. Published copy has typographic quotes
 * (O’Malley, “crisis”) and capitals; people type straight quotes in lower case. Both sides are folded
 * the same way: case, and typographic quotes and primes to their typewriter forms. One UTF-16 unit
 * becomes one unit, so an offset found in the folded text is the same offset in the original.
 */
const TYPEWRITER: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
  "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
  "\u00a0": " ",
};
const TYPOGRAPHIC = /[\u2018\u2019\u201b\u2032\u201c\u201d\u201e\u2033\u00a0]/g;

/** Typographic quotes and primes to typewriter ones, one unit for one. */
export function foldQuotes(text: string): string {
  return text.replace(TYPOGRAPHIC, (c) => TYPEWRITER[c]);
}

export function foldTyped(text: string): string {
  const quotes = foldQuotes(text);
  const lower = quotes.toLowerCase();
  if (lower.length === quotes.length) return lower;
  // a few characters change length in lower case (İ → i̇): keep those as they are
  let out = "";
  for (const ch of quotes) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Where `query` occurs in `text` as a person would mean it, at or after `from` (then from the start), or -1. */
export function findTyped(text: string, query: string, from = 0): number {
  const haystack = foldTyped(text);
  const needle = foldTyped(query);
  const at = haystack.indexOf(needle, from);
  return at >= 0 ? at : haystack.indexOf(needle);
}
