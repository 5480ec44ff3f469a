import { wordFrequency } from "../dictionary/frequency";

/**
 * English function words (determiners, pronouns, prepositions, conjunctions, auxiliaries, a few common
 * adverbs): a lost space almost always glues one of these onto its neighbour ("thecapture", "oneof",
 * "eversaw", "mustneedes"). Two content words written as one are usually a compound the dictionary lacks
 * ("lockdown", "frontline", "voiceover"), so a split must put a function word on one side. Particles
 * that build compounds ("down", "over", "out", "up", "off", "back") are deliberately not here.
 */
const FUNCTION_WORDS = new Set(
  ("a an the and or but nor of to in on at for with by from as into onto upon is was be are were been am has have had " +
    "do does did not no it its he him his she her we us our they them their you your i me my this that these those " +
    "who whom whose which what when where why how here there then than so if all any each every some such " +
    "will would shall should can could may might must ever never very just also only still even much more most " +
    "about after before between through under without within against among")
    .split(" "),
);

export const isFunctionWord = (word: string) => FUNCTION_WORDS.has(word.toLowerCase());
export const gluesFunctionWord = (reading: string[]) => reading.some(isFunctionWord);

/** Longer than any two or three words run together: a token this long is not worth splitting. */
export const MAX_SPLIT_LENGTH = 45;
/** The longest piece tried; longer English words exist but are never glued to another by a lost space. */
const MAX_PIECE = 24;
/** One- and two-letter pieces must be this common (SUBTLEX counts): "ca" and "pt" are dictionary words nobody glues on. */
const SHORT_PIECE_COUNT = 5_000;
/**
 * A piece the dictionary lacks ("tbynge" in "tbyngehere", an OCR-damaged word): far less likely than any
 * known word, and less likely the longer it is (each letter a 1-in-26 guess), so "and nourifh" beats
 * "a ndnourifh" and "entring into" beats "entringin to".
 */
const UNKNOWN_PIECE = Math.log(1e-8);
const UNKNOWN_LETTER = Math.log(1 / 26);
/** The subtitle counts cut contractions at the apostrophe: "you're" counted "re"; these are not words to split off. */
const CONTRACTION_ENDS = new Set(["re", "ll", "ve"]);
/**
 * Function words that stand before a word a scanner damaged ("acowarde", "orjuyces", "notoppefe"):
 * articles, conjunctions, prepositions, "not", modals. Not the pronouns and "as", "an", "me" whose
 * letters begin many words the dictionary lacks ("aspirational", "sheerly", "antitax").
 */
const GLUED_BEFORE_DAMAGE = new Set("a the and or nor but not of to in on at for with by from into that this must will would shall should can could may might".split(" "));
/** A piece the dictionary lacks must still look like a word: four letters or more, a vowel, and no start English never has ("ccultured", "nguns"). */
const WORD_LIKE = /^(?!(.)\1)(?!ng)(?=.*[aeiouy])[\p{L}'’]{4,}$/iu;

export interface SplitOptions {
  /**
   * Allow one piece the dictionary lacks when a function word stands beside it ("tbyngehere" → "tbynge
   * here", "acowarde" → "a cowarde"). Off by default: a caller decides when damaged text is likely.
   */
  unknownPiece?: boolean;
}

/** A piece of a token: the dictionary's word, or for a capitalised token its lower-case word ("The" → "the"). */
function knownPiece(piece: string, has: (w: string) => boolean): boolean {
  if (has(piece)) return true;
  const lower = piece.toLowerCase();
  return lower !== piece && (piece === piece[0] + lower.slice(1) || piece.length === 1) && has(lower);
}

/**
 * Ways to read an unknown word as two or more words ("thecapture" → "the capture"), likeliest first: each
 * reading scores the product of its words' probabilities in everyday English (SUBTLEX), so "the
 * replacement" beats "there placement" and "the greatest" beats "thegreat est". Viterbi over the
 * token's positions, linear in its length (pieces are at most 24 letters); the best reading and the
 * best two-word readings are returned (the rule shows the runner-up). Digits end a piece: "section4" →
 * "section 4".
 */
export function splitRunTogether(word: string, has: (w: string) => boolean, options: SplitOptions = {}): string[][] {
  const n = word.length;
  if (n > MAX_SPLIT_LENGTH || n < 2) return [];
  const frequency = wordFrequency();
  const cache = new Map<string, number | null>();
  /** ln P of a piece, or null when it may not be a piece */
  const pieceScore = (piece: string): number | null => {
    let s = cache.get(piece);
    if (s !== undefined) return s;
    s = null;
    if (/^\p{N}+$/u.test(piece)) s = Math.log(1e-5);
    else if (!/\p{N}/u.test(piece) && knownPiece(piece, has)) {
      const count = frequency.count(piece);
      const allowed = piece.length > 2 || (piece.length === 2 ? count >= SHORT_PIECE_COUNT && !CONTRACTION_ENDS.has(piece.toLowerCase()) : /^[aAI]$/.test(piece));
      if (allowed) s = frequency.logProb(piece);
    }
    cache.set(piece, s);
    return s;
  };
  const boundary = (i: number) => i === 0 || i === n || /\p{N}/u.test(word[i - 1]) !== /\p{N}/u.test(word[i]);

  // best[i]: best score of word[0, i); from[i]: where its last piece starts
  const best = new Float64Array(n + 1).fill(-Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 1; i <= n; i++) {
    // a piece never spans a letter–digit boundary
    let lo = i - 1;
    while (lo > 0 && i - lo < MAX_PIECE && !boundary(lo)) lo--;
    for (let j = i - 1; j >= lo; j--) {
      const piece = word.slice(j, i);
      const s = pieceScore(piece);
      if (s !== null && best[j] + s > best[i]) {
        best[i] = best[j] + s;
        from[i] = j;
      }
    }
  }
  const readings: Array<{ parts: string[]; score: number }> = [];
  if (best[n] > -Infinity && from[n] > 0) {
    const parts: string[] = [];
    for (let i = n; i > 0; i = from[i]) parts.unshift(word.slice(from[i], i));
    readings.push({ parts, score: best[n] });
  }
  if (options.unknownPiece) {
    // a function word and a piece the dictionary lacks, the likeliest such pair: the function word first
    // ("acowarde", "notoppefe"), or last when it has three letters or more ("tbyngehere", "entringinto");
    // "reauthorizati on", "cybercri me" are long words with a short word's letters at their end
    let pair: { parts: string[]; score: number } | null = null;
    for (let i = 1; i < n; i++) {
      const [a, b] = [word.slice(0, i), word.slice(i)];
      const [sa, sb] = [pieceScore(a), pieceScore(b)];
      const first = sa !== null && sb === null && GLUED_BEFORE_DAMAGE.has(a.toLowerCase());
      const last = sa === null && sb !== null && isFunctionWord(b) && b.length >= 3;
      if (!first && !last) continue;
      const unknown = first ? b : a;
      if (!WORD_LIKE.test(unknown) || /\p{N}/u.test(unknown)) continue;
      const score = (first ? sa! : sb!) + UNKNOWN_PIECE + UNKNOWN_LETTER * unknown.length;
      if (!pair || score > pair.score) pair = { parts: [a, b], score };
    }
    // a function word, a damaged word and a known word of three letters or more ("thecastelwas" →
    // "the castel was"): the known word at the end takes letters off the unknown piece's guess
    for (let i = 1; i <= Math.min(MAX_PIECE, n); i++) {
      const first = word.slice(0, i);
      const sa = pieceScore(first);
      if (sa === null || !GLUED_BEFORE_DAMAGE.has(first.toLowerCase())) continue;
      for (let j = Math.max(i + 4, n - MAX_PIECE); j <= n - 3; j++) {
        const [unknown, last] = [word.slice(i, j), word.slice(j)];
        const sc = pieceScore(last);
        if (sc === null || pieceScore(unknown) !== null || !WORD_LIKE.test(unknown) || /\p{N}/u.test(unknown)) continue;
        const score = sa + UNKNOWN_PIECE + UNKNOWN_LETTER * unknown.length + sc;
        if (!pair || score > pair.score) pair = { parts: [first, unknown, last], score };
      }
    }
    if (pair) readings.push(pair);
  }
  // the other two-word readings, for the message ("or: there placement")
  for (let i = 1; i < n; i++) {
    const a = pieceScore(word.slice(0, i));
    const b = pieceScore(word.slice(i));
    if (a === null || b === null) continue;
    const parts = [word.slice(0, i), word.slice(i)];
    if (!readings.some((r) => r.parts.join(" ") === parts.join(" "))) readings.push({ parts, score: a + b });
  }
  return readings.sort((x, y) => y.score - x.score).map((r) => r.parts);
}
