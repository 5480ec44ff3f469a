import type { CheckContext } from "../context";
import { wordFrequency } from "../dictionary/frequency";
import { gluesFunctionWord, isFunctionWord, splitRunTogether } from "./split-words";

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
  // "livestream" reads as two common words: a compound, not a damaged word beside a function word
  const compound = known.some((r) => r.every((p) => wordFrequency().count(p) >= pieceCountNeeded(p)));
  if (readings.length === 0 && lower && !compound && ctx.dictionary.suggest(word, 1, 1).length === 0) {
    readings = splitRunTogether(word, has, { unknownPiece: true }).filter((r) => lostSpace(r, true, has));
  }
  return readings.length ? readings : null;
}

/** Whether a capitalised word follows (after one space): "Andrew Smith" is a name, not "And rew". */
function followedByName(ctx: CheckContext, end: number): boolean {
  return ctx.text[end] === " " && /\p{Lu}/u.test(ctx.text[end + 1] ?? "");
}

