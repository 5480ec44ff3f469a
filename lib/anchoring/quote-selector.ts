/** W3C TextQuoteSelector context length, each side (architecture: 32 characters). */
export const CONTEXT_CHARS = 32;

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * The TextQuoteSelector for [start, end) of `text`; offsets are UTF-16 indices. The context is cut at
 * `context` code units but never inside a surrogate pair: half an emoji is not text (Prisma refuses to send a
 * lone surrogate to the database, and a W3C consumer could not match it), so a pair the cut would
 * split is left out whole.
 */
export function quoteSelector(text: string, start: number, end: number, context = CONTEXT_CHARS): TextQuote {
  let prefixStart = Math.max(0, start - context);
  if (splitsSurrogate(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + context);
  if (splitsSurrogate(text, suffixEnd)) suffixEnd--;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

/**
 * Whether [start, end) is a range a person could have selected: inside the text, not empty,
 * and not cutting a surrogate pair in half (an emoji is one character to the reader).
 */
export function isValidRange(text: string, start: number, end: number): boolean {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return false;
  return !splitsSurrogate(text, start) && !splitsSurrogate(text, end);
}

function splitsSurrogate(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Half of a surrogate pair with no other half: not text, and Prisma cannot store it. */
export function hasLoneSurrogate(text: string): boolean {
  // with the u flag a paired surrogate is one code point; only a lone one is in category Cs
  return /\p{Cs}/u.test(text);
}
