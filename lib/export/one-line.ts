const BREAK = /[\r\n\u2028\u2029]/;
const AT_START = /^\s*[\r\n\u2028\u2029]\s*/;
const AT_END = /\s*[\r\n\u2028\u2029]\s*$/;
const INSIDE = /\s*[\r\n\u2028\u2029]\s*/g;

/**
 * The words of a change as one line of a report. A change to a whole block carries the paragraph
 * break around it ("\n\nCaption text"): that break is where the block sat, not part of what was
 * said, so it goes. A break inside the change is real (two paragraphs joined or split) and is
 * shown as "¶". A change that is only a break (two paragraphs joined) reads "¶". Spaces stay.
 */
export function oneLine(text: string): string {
  if (!BREAK.test(text)) return text;
  const inner = text.replace(AT_START, "").replace(AT_END, "");
  return inner === "" ? "¶" : inner.replace(INSIDE, " ¶ ");
}
