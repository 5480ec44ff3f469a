/**
 * The vocabulary the structure parser (and later the checks) recognise in scraped news text.
 * Kept in one place so a newsroom can extend it without touching the parser's logic.
 */

/** Photo agencies and credit sources, longest first so "AP Photo" wins over "AP". */
export const CREDIT_SOURCES = [
  "Getty Images",
  "Europa Press",
  "Associated Press",
  "AP Photo",
  "EPA-EFE",
  "Shutterstock",
  "Bloomberg",
  "Anadolu",
  "Reuters",
  "Xinhua",
  "Alamy",
  "Getty",
  "ANSA",
  "Sipa",
  "AFP",
  "EFE",
  "EPA",
  "DPA",
  "AP",
  "PA",
].sort((a, b) => b.length - a.length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
export const CREDIT_ALTERNATION = CREDIT_SOURCES.map(escape).join("|");

/** Lines that are page furniture, not article text (matched against the whole trimmed line). */
export const JUNK_LINE =
  /^(tracking|advertisement|advertising|sponsored( content)?|ad|share( this( article| story)?)?|tweet|print|e-?mail|subscribe( now)?|read more|read also|see also|related( articles| stories| content)?|comments?( \(\d+\))?|skip to (main )?content|loading\.*|(accept|manage) cookies|.*\buse cookies\b.*|sign up for (our|the) .*newsletter.*|follow us( on .*)?|click here.*|all rights reserved\.?|©.*|copyright ©?.*|most read|trending( now)?|back to top|menu|close)$/i;

/** A web domain inside an outlet line ("Voz.us", "example.com"). */
export const DOMAIN = /\b[\p{L}\d-]+\.(com|org|net|us|co|uk|news|info|io|es|mx|ar|co\.uk|ca|au|de|fr|it|in|eu)\b/iu;

export const OUTLET_WORD =
  /\b(news|times|post|gazette|herald|tribune|journal|media|daily|press|chronicle|observer|wire|radio|tv|telegraph|courier|star|sun|mirror|guardian|independent|review|bulletin|dispatch|report|today)\b/i;

/** Small words allowed inside a person's name ("Gabriel García de la Torre"). */
export const NAME_PARTICLES = new Set(["de", "del", "la", "las", "los", "van", "von", "der", "den", "da", "do", "dos", "das", "di", "du", "le", "y", "e", "bin", "al", "el", "and", "&"]);

/** Credit-only lines: "AFP", "Photo: Jane Doe/Reuters", "Credit: …", "Image by …". */
export const CREDIT_ONLY = new RegExp(
  `^(?:(?:photo|image|picture|foto|credit|photograph)s?(?:\\s+credit)?(?:\\s*[:/|–—-]\\s*|\\s+by\\s+).{2,60}|(?:[\\p{Lu}][\\p{L}'’-]+\\s+){0,3}[\\p{Lu}][\\p{L}'’-]+\\s*/\\s*(?:${CREDIT_ALTERNATION})|\\(?(?:${CREDIT_ALTERNATION})\\)?)$`,
  "iu",
);

/** A caption with its credit glued on: "…at The White HouseAFP" (lower-case or punctuation, then the agency). */
export const CAPTION_GLUED_CREDIT = new RegExp(`^(.*[\\p{Ll}\\d.)”"’'])(${CREDIT_ALTERNATION})$`, "u");

/** A caption with its credit separated by a mark: "… | Reuters", "… (AFP)", "… / Getty Images", "… AFP". */
export const CAPTION_AGENCY_CREDIT = new RegExp(
  `^(.+?)(\\s*[|/·]\\s*(?:${CREDIT_ALTERNATION})|\\s*\\((?:[Pp]hoto:?\\s*)?(?:${CREDIT_ALTERNATION})\\)|\\s(?:${CREDIT_ALTERNATION}))$`,
  "u",
);

/** A caption with a labelled credit: "… Photo: Jane Doe", "…. Credit: City Hall". */
export const CAPTION_LABELLED_CREDIT = /^(.+?)([.\s]\s*(?:photo|image|credit)s?:\s*.{2,60})$/iu;

/**
 * A wire story's dateline opens its first paragraph: "DALLAS (AP) — ", "WASHINGTON — ",
 * "NEW YORK (Reuters) - ", "LONDON, England (CNN) -- ". A city in capitals, perhaps a state or
 * country, perhaps the agency in brackets, then a dash. That line is body, never a dek.
 */
export const DATELINE = /^\p{Lu}[\p{Lu} .'’-]{1,40}(?:, [\p{L}. ]{2,30})?\s*(?:\([\p{L} .&-]{1,30}\)\s*)?(?:—|–|--?)\s/u;
