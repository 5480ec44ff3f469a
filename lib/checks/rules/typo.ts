import { NAME_PARTICLES } from "@/lib/ingest/patterns";
import type { CheckContext } from "../context";
import { britishOnlyWords } from "../dictionary/english";
import { wordFrequency } from "../dictionary/frequency";
import { budgetSpent, finding } from "../finding";
import { PREFIXES, runTogether } from "../text/run-together";
import { hasDigit, isAllCaps, isCapitalised, startsSentence, type Token } from "../text/tokens";
import type { Finding, Rule } from "../types";

/**
 * A word everyday English uses this often (SUBTLEX counts, 51 million words) is a word, whatever the
 * dictionary says ("judgement", "protestors", "amidst"). High enough that the subtitles' own slips
 * ("untill", "wich", "wierd", seen 6–15 times) stay typos.
 */
const COMMON_WORD = 20;
/**
 * A word of two letters must be far commoner to count: subtitles count fragments, interjections and
 * foreign words ("bp", "si", "ot", "hy" are seen 50–400 times), and those are exactly what a scanner
 * makes of "by", "of", "I" (decision 028). "ok", "tv", "mr" are seen thousands of times.
 */
const COMMON_SHORT_WORD = 1_000;
/** Title abbreviations whose full stop ends no sentence: "Gov. Jeb Bush". */
const TITLE_ABBREVIATIONS = new Set("mr mrs ms dr gov sen rep gen lt col sgt capt maj adm pres prof rev st jr sr supt det atty insp cmdr".split(" "));
const HYPHEN = /[-‐‑]/u;

/**
 * The hyphenated compound a token is part of ("al-Assad", "pre-emptive", "de-Giuliani-ized"), or null.
 * A piece of one is no typo when it is short, a prefix, next to a capitalised piece (a name), or when the
 * compound without its hyphens is a word ("dif-ferent" is a line break's hyphen, not a misspelling).
 */
function compoundExcuse(ctx: CheckContext, token: Token): string | null {
  const { text } = ctx;
  if (!HYPHEN.test(text[token.start - 1] ?? "") && !HYPHEN.test(text[token.end] ?? "")) return null;
  let from = token.start;
  let to = token.end;
  const part = /[\p{L}\p{M}'’-]/u;
  // a compound is a few words: 60 characters bound the walk either way
  while (from > 0 && token.start - from < 60 && part.test(text[from - 1])) from--;
  while (to < text.length && to - token.end < 60 && part.test(text[to])) to++;
  const pieces = text.slice(from, to).split(/[-‐‑]+/u).filter(Boolean);
  const word = token.text.toLowerCase();
  if (word.length <= 3 || PREFIXES.has(word) || NAME_PARTICLES.has(word)) return "a prefix or particle in a compound";
  if (pieces.some((p) => isCapitalised(p))) return "part of a hyphenated name";
  if (ctx.dictionary.knows(pieces.join(""))) return "the compound is a word without its hyphen";
  return null;
}

/**
 * A British spelling ("colour", "criticised") is right in an article that writes British English. It is
 * accepted unless the article also uses the US spelling the US dictionary offers for it: then the
 * article is inconsistent and the British form is flagged with the US one (decision 022).
 */
function britishSpelling(ctx: CheckContext, word: string): "consistent" | "inconsistent" | null {
  // the word is not a US one (the caller asked): it is British when the British-only forms have it
  if (!britishOnlyWords().has(word) && !britishOnlyWords().has(word.toLowerCase())) return null;
  const us = ctx.dictionary.suggest(word, 1, 2)[0];
  return us && ctx.names.uses(us) > 0 ? "inconsistent" : "consistent";
}

/** Prefixes English attaches to any word: "unvetted", "reframed", "preindustrial", "cybersecurity". */
const DERIVING_PREFIXES = ["un", "re", "pre", "non", "anti", "over", "under", "counter", "multi", "inter", "super", "cyber", "post", "semi", "self", "ultra", "hyper", "tele", "mega", "micro"];
/** Suffixes likewise: "renewables", "presumptively", "nativist", "progressivism", "ramped", "funders". */
const DERIVING_SUFFIXES = ["s", "es", "ly", "ism", "isms", "ist", "ists", "ity", "al", "ness", "ment", "able", "ed", "ing", "er", "ers"];
/** After these a one-vowel, one-consonant stem doubles its consonant: "occured", "stoped", "begining" are misspellings. */
const DOUBLING_SUFFIXES = new Set(["ed", "ing", "er", "ers"]);
const SINGLE_CONSONANT_END = /(?:^|[^aeiou])[aeiou][b-df-hj-np-tv-z]$/;

/**
 * A regular derivation of a dictionary word: a word and a suffix, a prefix and a word, or both. Hunspell's
 * affix rules list only the common ones and news coins the rest daily, while a misspelling rarely leaves
 * a dictionary word once the affix is off ("recieve" is not "re" + a word). Stems are 4+ letters, 5+ after
 * a prefix ("untill" is not "un" + "till").
 */
function derivation(ctx: CheckContext, word: string): boolean {
  const lower = word.toLowerCase();
  const knows = (stem: string, min: number) => stem.length >= min && ctx.dictionary.knows(stem);
  const suffixed = (w: string, min: number) =>
    DERIVING_SUFFIXES.some((s) => {
      if (!w.endsWith(s)) return false;
      const stem = w.slice(0, -s.length);
      if (DOUBLING_SUFFIXES.has(s) && SINGLE_CONSONANT_END.test(stem)) return false;
      return knows(stem, min) || knows(`${stem}e`, min);
    });
  if (suffixed(lower, 4)) return true;
  return DERIVING_PREFIXES.some((p) => {
    if (!lower.startsWith(p)) return false;
    const rest = lower.slice(p.length).replace(/^-/, "");
    return knows(rest, 5) || suffixed(rest, 5);
  });
}

/** Why an unknown word is not a typo, or null when it is one. */
function excuse(ctx: CheckContext, token: Token): string | null {
  const word = token.text;
  if (ctx.dictionary.knows(word)) return "known";
  // "الله", "Слава", "北京": an English dictionary can neither confirm nor correct a word of another
  // script. A Latin word with one foreign letter in it ("gоvernment" with a Cyrillic о, from OCR or a
  // paste) is a damaged English word, and is still read.
  if (OTHER_SCRIPT_LETTER.test(word) && !LATIN_LETTER.test(word)) return "a word of another script";
  if (word.length < 2 || hasDigit(word) || isAllCaps(word)) return "not a word";
  if (/\p{Ll}\p{Lu}/u.test(word)) return "mixed case: a brand or a run-together word";
  if (isCapitalised(word) && ctx.names.isName(word)) return "a name in this article";
  if (NAME_PARTICLES.has(word.toLowerCase())) return "a particle of a name or a foreign phrase (de, al, von)";
  const british = britishSpelling(ctx, word);
  if (british) return british === "consistent" ? "a British spelling" : null;
  if (wordFrequency().count(word) >= (word.length <= 2 ? COMMON_SHORT_WORD : COMMON_WORD)) return "a common word the dictionary lacks";
  if (/^\p{M}/u.test(word)) return "a stray accent, not a word";
  // "résumé", "fiancée", "crudité": the dictionary has them without their accents, often only in one number ("crudites")
  const plain = foldAccents(word);
  if (plain !== word && numberForms(plain).some((w) => ctx.dictionary.knows(w) || derivation(ctx, w))) return "a dictionary word with its accents";
  if (derivation(ctx, word)) return "a prefix or suffix on a dictionary word";
  const compound = compoundExcuse(ctx, token);
  if (compound) return compound;
  if (/^\p{Ll}+$/u.test(word) && ctx.splitWords(word).length) return "a compound of dictionary words, or run together";
  if (runTogether(ctx, word, token.start)) return "run together: the missing-space rule reports it";
  return null;
}

/** A letter of any script but Latin (Arabic, Cyrillic, Greek, Hebrew, CJK, Devanagari …). */
const OTHER_SCRIPT_LETTER = /(?!\p{Script=Latin})\p{L}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** The word with its diacritics taken off: "crudité" → "crudite", "jalapeños" → "jalapenos". */
const foldAccents = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "");

/** A word and its other grammatical number, as a dictionary may list a loanword in only one ("crudites"). */
function numberForms(word: string): string[] {
  const forms = [word, `${word}s`];
  if (/[^s]s$/i.test(word)) forms.push(word.slice(0, -1));
  if (/(?:s|x|z|ch|sh)es$/i.test(word)) forms.push(word.slice(0, -2));
  return forms;
}

/**
 * Whether `candidate` is `word` with one slip in its plain letters fixed, away from its accents. An accent
 * is typed on purpose (a dead key, a long press, a pasted name), so a word written with one is as written
 * a plausible loanword or foreign word, and its accented letters with their neighbours are the part the
 * writer meant. A correction may fix one letter elsewhere ("jallapeños" → "jalapenos"); one that drops or
 * replaces an accented letter ("crudité" → "credit") or rewrites the letters around it ("niño" → "nine",
 * "méchant" → "merchant") swaps the word for a different one. An edit distance over the accent-folded
 * letters in which those letters must be matched by themselves and nothing may be inserted beside an
 * accented letter; words are at most MAX_SUGGEST_LENGTH letters, so it is cheap.
 */
export function keepsAccentedLetters(word: string, candidate: string): boolean {
  const letters: string[] = [];
  const accented: boolean[] = [];
  for (const ch of word.normalize("NFD")) {
    if (/\p{M}/u.test(ch)) accented[letters.length - 1] = letters.length > 0;
    else letters.push(ch.toLowerCase());
  }
  const n = letters.length;
  const fixed = (i: number) => !!(accented[i - 1] || accented[i] || accented[i + 1]);
  // an insertion after i letters of `word` sits between letters i - 1 and i
  const insertable = (i: number) => !accented[i - 1] && !accented[i];
  const b = [...foldAccents(candidate).toLowerCase()];
  let prev = [0];
  for (let j = 1; j <= b.length; j++) prev.push(insertable(0) ? prev[j - 1] + 1 : Infinity);
  for (let i = 1; i <= n; i++) {
    const keep = fixed(i - 1);
    const row = [keep ? Infinity : prev[0] + 1];
    for (let j = 1; j <= b.length; j++) {
      const replace = letters[i - 1] === b[j - 1] ? prev[j - 1] : keep ? Infinity : prev[j - 1] + 1;
      const drop = keep ? Infinity : prev[j] + 1;
      const insert = insertable(i) ? row[j - 1] + 1 : Infinity;
      row.push(Math.min(replace, drop, insert));
    }
    prev = row;
  }
  return prev[b.length] <= 1;
}

/** Whether a capitalised word starts a sentence: not after a title's full stop ("Gov. Jeb"). */
function sentenceStart(ctx: CheckContext, token: Token & { block: { start: number } }): boolean {
  if (!startsSentence(ctx.text, token.start, token.block.start)) return false;
  const before = /(\p{L}+)\.\s+$/u.exec(ctx.text.slice(Math.max(token.block.start, token.start - 12), token.start));
  return !(before && TITLE_ABBREVIATIONS.has(before[1].toLowerCase()));
}

/** "Jeb Bush": a capitalised word before another is the first word of a name. */
const beforeCapitalised = (ctx: CheckContext, token: Token) => ctx.text[token.end] === " " && /\p{Lu}/u.test(ctx.text[token.end + 1] ?? "");

/** Up to three corrections; for a word with accents only those that keep its accented letters. */
function suggestionsFor(ctx: CheckContext, word: string, distance: 1 | 2): string[] {
  if (foldAccents(word) === word) return ctx.dictionary.suggest(word, 3, distance);
  // a few more candidates than shown, as some are dropped
  return ctx.dictionary
    .suggest(word, 10, distance)
    .filter((s) => keepsAccentedLetters(word, s))
    .slice(0, 3);
}

export const typo: Rule = {
  id: "typo",
  category: "typo",
  description:
    "A word missing from the English dictionary and the newsroom's own list, with the likeliest corrections (by how common a word is and how people and scanners slip). Names the article uses, words in everyday use, regular derivations (\"unvetted\"), pieces of hyphenated names and British spellings in a British article are left alone.",
  examples: [
    { text: "The council said the goverment would pay.", exact: "goverment", replacement: "government" },
    { text: "Teh mayor spoke on Monday.", exact: "Teh", replacement: "The" },
  ],
  run(ctx) {
    const findings: Finding[] = [];
    for (const t of ctx.proseTokens) {
      if (budgetSpent(findings)) break;
      if (t.protected || excuse(ctx, t)) continue;
      // a capitalised word the dictionary lacks is usually a name; only at a sentence start one slip from a word is it suspect
      const capitalised = isCapitalised(t.text);
      if (capitalised && (!sentenceStart(ctx, t) || beforeCapitalised(ctx, t))) continue;
      const suggestions = suggestionsFor(ctx, t.text, capitalised ? 1 : 2);
      if (capitalised && suggestions.length === 0) continue;
      const message = suggestions.length ? `Not in the dictionary. Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "Not in the dictionary.";
      findings.push(finding(ctx, typo, t.start, t.end, suggestions[0] ?? null, message, capitalised ? 0.5 : suggestions.length ? 0.8 : 0.6));
    }
    return findings;
  },
};
