import type { CheckContext } from "../context";
import { cacheFile, cachedTable } from "../dictionary/cache-file";
import { englishWords, englishWordsTag } from "../dictionary/english";
import { wordFrequency } from "../dictionary/frequency";
import { WordTable } from "../dictionary/word-table";
import { gluesFunctionWord, isFunctionWord, MAX_SPLIT_LENGTH, splitRunTogether } from "./split-words";

/**
 * Prefixes that make words ("overperformed", "inauthenticity", "beheadings"): a split after one of them
 * is a derivation the dictionary lacks, not a lost space, unless a function word follows ("inthe").
 */
export const PREFIXES = new Set("over under out up down off back in be by un re pre non anti counter self co inter intra super sub semi multi mid post mis dis de ex extra hyper micro macro mini neo para pro pseudo trans ultra cyber tele bio eco geo auto".split(" "));
/** Pieces must be words people use: "lech on", "sot to", "cur at ion" are dictionary words, but rare ones. */
const pieceCountNeeded = (piece: string) => (piece.length >= 8 ? 0 : piece.length >= 6 ? 5 : 30);

/** Whether a reading of an unknown token is a lost space rather than a word the dictionary lacks. */
function lostSpace(parts: string[], unknownAllowed: boolean, has: (w: string) => boolean): boolean {
  if (parts.length < 2 || !gluesFunctionWord(parts)) return false;
  // "an no in ted": a word chopped into short pieces, not short words run together
  if (parts.length > 2 && parts.join("").length / parts.length < 3.5) return false;
  // a single letter stands only first ("aburden"): "valid a tor", "franc a" are a word cut up
  if (parts.some((p, i) => i > 0 && p.length === 1)) return false;
  if (parts.length === 2 && PREFIXES.has(parts[0].toLowerCase()) && !isFunctionWord(parts[1])) return false;
  const frequency = wordFrequency();
  return parts.every((p) => (unknownAllowed && !has(p) && !has(p.toLowerCase())) || isFunctionWord(p) || frequency.count(p) >= pieceCountNeeded(p));
}

/** Function words that open sentences, capitalised as they stand there. */
const SENTENCE_OPENERS = new Set("The This That These Those It He She We They I His Her Their Its Our My In At But And For When If As A An".split(" "));

/** Every word the SUBTLEX counts saw at least this often is a word ("amidst", "ahold"), whatever the dictionary says. */
const COMMON_WORD = 2;

/**
 * The readings of an unknown token as words run together, best first, or null when it is more likely a
 * word the dictionary lacks, a name or a misspelling. Lower-case tokens ("thecapture", "eversaw"), and
 * capitalised ones whose first piece is a function word ("Thisproblem") unless the article uses them as
 * names. A piece the dictionary lacks is allowed beside a function word ("tbyngehere", OCR damage) only
 * when no word is one slip away (then it is a misspelling: "becuase" is not "be cuase").
 */
export function runTogether(ctx: CheckContext, token: string, start: number): string[][] | null {
  // "andnourish'd": the ending after an apostrophe stays on the last word
  const ending = /['’]\p{L}{1,2}$/u.exec(token)?.[0] ?? "";
  const word = token.slice(0, token.length - ending.length);
  const readings = readingsOf(ctx, word, start);
  return readings && ending ? readings.map((r) => [...r.slice(0, -1), r[r.length - 1] + ending]) : readings;
}

function readingsOf(ctx: CheckContext, word: string, start: number): string[][] | null {
  const lower = /^\p{Ll}+$/u.test(word);
  const capitalised = !lower && /^\p{Lu}\p{Ll}+$/u.test(word);
  if ((!lower && !capitalised) || word.length < 4) return null;
  // a capitalised token the article repeats is a name written so on purpose; a lower-case run-together
  // word repeated (a pasted paragraph, a template) is damaged every time, so it is still split
  if (capitalised && ctx.names.uses(word) > 1) return null;
  if (wordFrequency().count(word) >= COMMON_WORD) return null;
  if (capitalised && (ctx.names.isName(word) || followedByName(ctx, start + word.length))) return null;
  const has = (w: string) => ctx.dictionary.has(w);
  const known = ctx.splitWords(word);
  let readings = known.filter((r) => lostSpace(r, false, has));
  // "Thisproblem": two words, a sentence's first word glued to the next ("At her ton" is a place)
  if (capitalised) readings = readings.filter((r) => r.length === 2 && SENTENCE_OPENERS.has(r[0]) && r[1].length >= 3);
  // "internationalcoalition": two content words that English writes apart, never as one word
  if (readings.length === 0 && lower) {
    const join = known.find((r) => r.length === 2 && contentWordsApart(r[0], r[1]));
    if (join) readings = [join];
  }
  // "livestream" reads as two common words: a compound, not a damaged word beside a function word
  const compound = known.some((r) => r.every((p) => wordFrequency().count(p) >= pieceCountNeeded(p)));
  if (readings.length === 0 && lower && !compound && ctx.dictionary.suggest(word, 1, 1).length === 0) {
    readings = splitRunTogether(word, has, { unknownPiece: true }).filter((r) => lostSpace(r, true, has));
  }
  return readings.length ? readings : null;
}

/**
 * Words derived with a Latinate suffix ("international", "coalition", "military", "presidential"). English
 * builds closed compounds from short native words ("livestream", "lockdown", "frontrunner"); a word
 * like these stands apart from its neighbour ("international coalition", "military aid") or takes a
 * hyphen, and is joined without one only to a prefix ("paramilitary", "overregulation").
 */
const LATINATE_SUFFIX = /(?:al|ary|ory|ion|ity|ic|ous|ive|ment|ence|ance|ency|ancy|ist|ism|ure)s?$/;
const isLatinate = (word: string) => word.length >= 6 && LATINATE_SUFFIX.test(word);
/** Bump when the compound table's content changes. */
const COMPOUND_TABLE_VERSION = 1;
let compounds: WordTable | null = null;

/**
 * Which words the dictionary joins into closed compounds, read from its own words (every word that is two
 * dictionary words end to end, of two letters or more on the left and three or more on the right):
 * "h:w" when w begins one (its left part of three letters or more, and not a prefix: "nonmilitary" is
 * a derivation, not a compound), "t:w" when w ends one, and "l:w" when w begins one whose right part is
 * Latinate-derived, prefixes included ("overregulation"); each with its number of partners. Built once
 * per install (a pass over the 120k word forms, ~0.2 s) and kept in node_modules/.cache like the word
 * lists; read only when a token reads as two content words.
 */
function compoundTable(): WordTable {
  if (compounds) return compounds;
  compounds = cachedTable(cacheFile(`compounds-${englishWordsTag()}.c${COMPOUND_TABLE_VERSION}.table`), () => {
    const words = englishWords();
    const partners = new Map<string, Set<string>>();
    const add = (key: string, partner: string) => {
      let set = partners.get(key);
      if (!set) partners.set(key, (set = new Set()));
      set.add(partner.replace(/s$/, ""));
    };
    for (const w of words) {
      if (w.length < 5 || !/^[a-z]+$/.test(w)) continue;
      for (let i = 2; i <= w.length - 3; i++) {
        const [a, b] = [w.slice(0, i), w.slice(i)];
        if (!words.has(a) || !words.has(b)) continue;
        if (isLatinate(b)) add(`l:${a}`, b);
        if (i < 3 || PREFIXES.has(a)) continue;
        add(`h:${a}`, b);
        add(`t:${b}`, a);
      }
    }
    return WordTable.from(partners.keys(), (k) => partners.get(k)!.size);
  });
  return compounds;
}

/**
 * Whether two common content words glued together ("internationalcoalition", "upmilitary") are a lost
 * space rather than a compound the dictionary lacks ("livestream", "frontrunner", "drugmaker"). One of
 * them must be Latinate-derived, and the dictionary must never join either into a closed compound: no
 * word of it ends with the right word ("military": only prefixed forms), and none begins with the left
 * one, counting only Latinate words after it when the right word is one ("up" begins many words but no
 * Latinate one; "over" and "mid" do: "overregulation", "midsection"). A few table lookups.
 */
function contentWordsApart(a: string, b: string): boolean {
  if (isFunctionWord(a) || isFunctionWord(b) || b.length < 3) return false;
  const frequency = wordFrequency();
  if (![a, b].every((p) => frequency.count(p) >= pieceCountNeeded(p))) return false;
  const table = compoundTable();
  if (table.has(`t:${b}`)) return false;
  if (isLatinate(b)) return !table.has(`l:${a}`);
  return isLatinate(a) && !table.has(`h:${a}`);
}

/** Whether a capitalised word follows (after one space): "Andrew Smith" is a name, not "And rew". */
function followedByName(ctx: CheckContext, end: number): boolean {
  return ctx.text[end] === " " && /\p{Lu}/u.test(ctx.text[end + 1] ?? "");
}


/** Function words of two letters or more, as they stand lower-case inside a mixed-case join. */
const GLUED_FUNCTION_WORD = /^(?:the|and|of|or|nor|to|in|on|at|by|for|from|with|into|upon|as|is|was|an|but)$/;
const MAX_GLUED_FUNCTION = 4;
const AFTER_CAPITALISED = /^(?:of|or|the|and|for|from|with|into|upon)$/;

/**
 * A mixed-case token read as words whose spaces were lost between capitals: a lower-case function word
 * glued between a capitalised or upper-case word and a capital ("BankofEngland" → "Bank of England",
 * "SEVILLEofSPAIN"), a capitalised function word glued to a word in capitals ("TheBRIDGE" → "The BRIDGE"),
 * and function words glued after a word in capitals to the token's end ("NOTICEonan"). Brands and names
 * written so on purpose keep the function word's letters inside a word ("ExxonMobil": "Exxon" is a word,
 * "LinkedIn": no capital follows "in" inside, "McDonald", "LaGuardia": no function word); the caller
 * leaves a token the article repeats. Linear: each boundary looks back at most 4 letters.
 */
export function caseJoinReading(token: string, known: (w: string) => boolean): string[] | null {
  if (token.length > MAX_SPLIT_LENGTH || !/^\p{L}+$/u.test(token) || !/\p{Lu}/u.test(token.slice(1))) return null;
  const cuts = new Set<number>();
  const upper = (i: number) => i >= 0 && i < token.length && token[i] !== token[i].toLowerCase();
  const lower = (i: number) => i >= 0 && i < token.length && token[i] !== token[i].toUpperCase();
  // a lower-case function word right before a capital: "…of|Veal"
  for (let i = 1; i < token.length; i++) {
    if (!upper(i) || !lower(i - 1)) continue;
    for (let len = Math.min(MAX_GLUED_FUNCTION, i - 1); len >= 2; len--) {
      const at = i - len;
      const fw = token.slice(at, i);
      if (!GLUED_FUNCTION_WORD.test(fw) || !/^\p{Ll}+$/u.test(fw)) continue;
      // before it: a word in capitals ("HARBOUR|of"), or a capitalised word of two letters or more that
      // does not take the function word's letters as its own ending ("Exxon|Mobil" is "Exxon")
      let from = at;
      while (from > 0 && lower(from - 1)) from--;
      const word = upper(from - 1) && !upper(from - 2) ? token.slice(from - 1, at) : null;
      const capitals = upper(at - 1) && upper(at - 2);
      // after a capitalised word only function words that seldom end a name: "Logan", "Nixon", "Davis",
      // "Kirby" end in "an", "on", "is", "by"; "Taylor" is a word, and so is a name the article uses
      const afterWord = word && word.length >= 2 && AFTER_CAPITALISED.test(fw) && !known(word + fw) && !known((word + fw).toLowerCase());
      if (!capitals && !afterWord) continue;
      cuts.add(at);
      cuts.add(i);
      break;
    }
  }
  // "The|BRIDGE": a capitalised function word opening the token, glued to three capitals or more,
  // unless the letters are one word whose case was damaged ("TheATRE" is "THEATRE")
  const opener = /^(The|And|Of|In|On|At|By|For|To|With|From)(\p{Lu}{3,})/u.exec(token);
  if (opener && !known(opener[0].toLowerCase()) && wordFrequency().count(opener[0]) < COMMON_WORD) cuts.add(opener[1].length);
  // "NOTICE|on|an": a lower-case tail after three capitals or more that is nothing but function words
  const tail = /(?<=\p{Lu}{3})\p{Ll}+$/u.exec(token);
  if (tail && tail[0].length <= 2 * MAX_GLUED_FUNCTION) {
    const pieces = functionWordsOnly(tail[0]);
    if (pieces) {
      let at = tail.index;
      for (const p of pieces) {
        cuts.add(at);
        at += p.length;
      }
    }
  }
  cuts.delete(0);
  cuts.delete(token.length);
  if (cuts.size === 0) return null;
  const sorted = [...cuts].sort((a, b) => a - b);
  return [0, ...sorted].map((c, k) => token.slice(c, sorted[k] ?? token.length));
}

/** "onan" → ["on", "an"]: a short lower-case run read wholly as function words of two letters or more, or null. */
function functionWordsOnly(run: string): string[] | null {
  if (run.length === 0) return [];
  for (let len = Math.min(MAX_GLUED_FUNCTION, run.length); len >= 2; len--) {
    if (!GLUED_FUNCTION_WORD.test(run.slice(0, len))) continue;
    const rest = functionWordsOnly(run.slice(len));
    if (rest) return [run.slice(0, len), ...rest];
  }
  return null;
}
