// Zero-width space, word joiner, BOM and soft hyphen: scraping residue that hides inside words.
// The zero-width joiner and non-joiner (U+200D, U+200C) are NOT here: they are spelling — they
// build emoji sequences (woman + ZWJ + laptop is one emoji) and Persian and Indic words — and
// removing them changes the text.
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;
// Vertical tab, form feed and NEL are line or page breaks (PDF copy-paste); any other C0/C1 control
// character (NUL included) is never article text, so it is removed rather than stored.
const LINE_BREAKS = /\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g;
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
// Unicode spaces that scraping leaves behind (NBSP, thin, figure…): a plain space is what was meant.
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g;

/**
 * Normalise raw article text into lines: NFC, LF line ends, no invisible junk, no control
 * characters, no stray whitespace at line ends. Internal double spaces are kept on purpose: they
 * are a defect the punctuation check reports, so ingest must not hide them.
 */
export function normalizeText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(LINE_BREAKS, "\n")
    .replace(CONTROLS, "")
    .replace(INVISIBLE, "")
    .replace(ODD_SPACES, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n");
}

/**
 * Split normalised text into logical lines. A blank line always separates; a single
 * line break separates too, except where it is plainly a hard wrap (the line does not
 * end a sentence and the next starts in lower case), which is joined with a space.
 */
export function splitLines(normalized: string): string[] {
  const out: string[] = [];
  let prevBlank = true;
  for (const line of normalized.split("\n")) {
    if (line === "") {
      prevBlank = true;
      continue;
    }
    const last = out.length - 1;
    if (!prevBlank && last >= 0 && isHardWrap(out[last], line)) {
      out[last] = `${out[last]} ${line}`;
    } else {
      out.push(line);
    }
    prevBlank = false;
  }
  return out;
}

function isHardWrap(previous: string, next: string): boolean {
  return !/[.!?:;"'”’)\]]$/.test(previous) && /^[a-z(“"'‘]/.test(next) && previous.length > 40;
}
