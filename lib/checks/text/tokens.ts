import type { Block } from "@/lib/ingest/blocks";

export interface Token {
  start: number;
  end: number;
  text: string;
  /** inside a URL, e-mail address, handle, hashtag, domain or markup tag: never a word to correct */
  protected: boolean;
  /** the block the word starts in; undefined between blocks */
  block: Block | undefined;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * URLs, e-mail addresses, handles, hashtags and bare domains. Each pattern starts with a literal
 * ("@", ".", "#", "h", "w") so the engine skips ahead to it, and is widened leftwards in code: a
 * pattern starting with "any letters" would be retried at every letter of the article. Case-sensitive
 * on purpose: a domain ends in lower case, while "school.It" is a lost space, not Italy.
 */
const PROTECTED: Array<{ re: RegExp; widen: boolean }> = [
  { re: /(?:https?:\/\/|www\.)\S+/g, widen: false },
  { re: /@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, widen: true },
  { re: /[@#][\p{L}\p{N}_]+/gu, widen: false },
  { re: /\.(?:com|org|net|edu|gov|us|co|uk|news|info|io|es|mx|ar|ca|au|de|fr|it|in|eu)\b(?:\.[a-z]{2}\b)?/gu, widen: true },
];
const ADDRESS_CHAR = /[\p{L}\p{N}._%+-]/u;

/**
 * Markup a scrape or an embed left in the text: `<tweet id="…" author="…">`, `</a>`, `<br/>`. Its names
 * and attribute values are no words and its quotation marks no quotations. Bounded (30 attributes,
 * values of 300 characters) and free of overlapping choices, so a stray "<" costs one short try.
 */
const MARKUP = /<\/?[A-Za-z][\w:-]{0,40}(?:\s+[\w:-]{1,40}(?:\s*=\s*(?:"[^"<>]{0,300}"|'[^'<>]{0,300}'|[^\s"'<>]{1,300}))?){0,30}\s*\/?>/g;

/** Where markup tags lie in `text`, in order. */
export function markupSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(MARKUP)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
}

export function protectedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = markupSpans(text);
  // text[walkedFrom, walkedTo) is address characters back to where they begin: "x.com.com.com…" walks it once, not once per ".com"
  let walkedFrom = 0;
  let walkedTo = -1;
  for (const { re, widen } of PROTECTED) {
    for (const m of text.matchAll(re)) {
      let start = m.index;
      const glued = start > 0 && ADDRESS_CHAR.test(text[start - 1]);
      if (widen !== glued) continue; // an address needs its local part or name; a handle must stand alone
      while (widen && start > 0 && ADDRESS_CHAR.test(text[start - 1])) {
        start--;
        if (start >= walkedFrom && start <= walkedTo) {
          start = walkedFrom;
          break;
        }
      }
      if (widen) [walkedFrom, walkedTo] = [start, m.index];
      spans.push([start, m.index + m[0].length]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** The words of `text`, each with the block it starts in (`blocks` sorted, as a revision's are). */
export function tokenize(text: string, blocks: readonly Block[]): Token[] {
  const spans = protectedSpans(text);
  const tokens: Token[] = [];
  let s = 0;
  let b = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (s < spans.length && spans[s][1] <= start) s++;
    while (b < blocks.length && blocks[b].end <= start) b++;
    const block = b < blocks.length && blocks[b].start <= start ? blocks[b] : undefined;
    tokens.push({ start, end, text: m[0], protected: s < spans.length && spans[s][0] < end, block });
  }
  return tokens;
}

/** Starts with an upper-case letter (a character test: this runs for every word of every article). */
export const isCapitalised = (word: string) => word[0] !== word[0].toLowerCase();
export const isAllCaps = (word: string) => word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
export const hasDigit = (word: string) => /\p{N}/u.test(word);
/** "Maduro's" → "Maduro"; the possessive says nothing about spelling or identity */
export const stripPossessive = (word: string) => (word.includes("'") || word.includes("’") ? word.replace(/['’]s?$/u, "") : word);

const OPENERS = new Set(['"', "“", "‘", "'", "(", "[", "—", "–", "-", " ", "\t"]);

const CLOSERS = new Set(['"', "”", "’", "'", ")", "]"]);

/**
 * Whether a word at `pos` begins a sentence: only openers and spaces since a block start or a . ! ? :,
 * also behind a closing quotation mark (`satanic.” The`), and after a dateline's dash
 * (`WASHINGTON (Reuters) - The`).
 */
export function startsSentence(text: string, pos: number, blockStart: number): boolean {
  let i = pos - 1;
  let dash = false;
  for (; i >= blockStart && OPENERS.has(text[i]); i--) if ("—–-".includes(text[i])) dash = true;
  if (i < blockStart || ".!?:…\n".includes(text[i])) return true;
  if (dash && text[i] === ")") return true;
  while (i >= blockStart && CLOSERS.has(text[i])) i--;
  return i >= blockStart && i < pos - 2 && ".!?…".includes(text[i]);
}

/** Whether two words are separated by exactly one space. */
export const oneSpaceApart = (text: string, a: Token, b: Token) => b.start === a.end + 1 && text[a.end] === " ";

/** "It's" → "It", "we're" → "we": the word before any apostrophe. */
export const stem = (word: string) => word.split(/['’]/, 1)[0];

export const startsLowercase = (word: string) => word[0] !== word[0].toUpperCase();
