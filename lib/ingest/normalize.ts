/**
 * Normalise raw article text into lines: NFC, LF line ends, no invisible characters,
 * no stray whitespace at line ends. Internal double spaces are kept on purpose: they
 * are a defect the punctuation check reports, so ingest must not hide them.
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Unicode spaces that scraping leaves behind (NBSP, thin, figure…): a plain space is what was meant.
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g;

export function normalizeText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\r\n?|\u2028|\u2029/g, "\n")
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
