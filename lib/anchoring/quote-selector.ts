/** W3C TextQuoteSelector context length, each side (architecture: 32 characters). */
export const CONTEXT_CHARS = 32;

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** The TextQuoteSelector for [start, end) of `text`; offsets are UTF-16 indices. */
export function quoteSelector(text: string, start: number, end: number): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
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
