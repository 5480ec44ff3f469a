/**
 * Words for the house-style phrase matcher. A text is cut into tokens: runs of letters, marks and digits,
 * and single other non-space characters ("e-mail" is e, -, mail). A phrase is the same token sequence
 * plus, between tokens, whether they are glued or spaced. Matching whole tokens gives the word boundaries
 * for free: "mail" never matches inside "e-mails" or "email". Keys are lower-cased and typographic
 * apostrophes and hyphens are folded so "don’t" and "don't" are one key.
 */

export interface WordToken {
  start: number;
  end: number;
  /** folded, lower-cased text: the trie key of a phrase's first token */
  key: string;
  /** the key of a phrase's later token: the key after its gap ("" glued, " " spaced); null after a blank line */
  next: string | null;
}

// One token per match, each character read once: linear, no backtracking possible.
const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const FOLD = /[’‘ʼ`´‐‑‒–]/g;
const FOLDED: Record<string, string> = { "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-" };
/** Apostrophes and hyphens folded to ASCII; one character for one, so positions stay. */
export const foldMarks = (s: string) => s.replace(FOLD, (c) => FOLDED[c]);

/** Gaps between tokens: a blank line ends a phrase (blocks never share one). */
function gapBetween(text: string, from: number, to: number): "" | " " | null {
  if (from === to) return "";
  let newlines = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10 && ++newlines > 1) return null;
  return " ";
}

export function tokenize(text: string): WordToken[] {
  const folded = foldMarks(text);
  const tokens: WordToken[] = [];
  let prevEnd = -1;
  for (const m of folded.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    const key = m[0].toLowerCase();
    const gap = prevEnd < 0 ? null : gapBetween(text, prevEnd, start);
    tokens.push({ start, end, key, next: gap === null ? null : gap + key });
    prevEnd = end;
  }
  return tokens;
}

/** Case-sensitive comparison form of a token: folded marks, original case. */
export const exactToken = (text: string, t: WordToken) => foldMarks(text.slice(t.start, t.end));

/** The trie path of a phrase: first token's key, then each next key prefixed by its gap (" " or ""). */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase.trim()).map((t, i) => (i === 0 ? t.key : (t.next ?? " " + t.key)));
}

/** The most tokens a phrase may have (the matcher walks at most this deep from each token). */
export const MAX_PHRASE_TOKENS = 12;

const hasLetter = (s: string) => s.toLowerCase() !== s.toUpperCase();

/**
 * The replacement in the case shape of what it replaces: "E-MAIL" → "EMAIL" (all capitals, two letters
 * or more), "E-mail" → "Email" (first letter capital), "e-mail" → the house form as written (it may have
 * its own capitals: "Sen.", "OK"), and so does the very form the rule lists (asWritten).
 */
export function matchCase(found: string, replacement: string, asWritten?: string): string {
  // the very form the rule lists ("OK" in OK/okay) is not shouting: its replacement stays as written
  if (asWritten !== undefined && foldMarks(found).replace(/\s+/g, " ") === foldMarks(asWritten.trim()).replace(/\s+/g, " ")) return replacement;
  const letters = [...found].filter(hasLetter);
  if (letters.length === 0) return replacement;
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  if (letters.length >= 2 && upper === letters.length) return replacement.toUpperCase();
  const first = letters[0];
  if (first === first.toUpperCase() && first !== first.toLowerCase()) {
    const chars = [...replacement];
    const i = chars.findIndex(hasLetter);
    if (i >= 0) chars[i] = chars[i].toUpperCase();
    return chars.join("");
  }
  return replacement;
}
