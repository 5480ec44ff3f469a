import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expandHunspellWithFlags, type ExpandedDictionary } from "./hunspell";

const loaded = new Map<string, ExpandedDictionary>();
/** Bump when the expansion changes, so no process reads a list the old code wrote. */
const EXPANSION_VERSION = 2;
const NO_SUGGEST_MARK = "\t!";

/**
 * The expanded word list, kept in node_modules/.cache (never committed: it is derived from the installed
 * package) so that a process after the first reads 124k words in ~20 ms instead of expanding the affix
 * rules again (~150 ms): that is most of a cold `copydesk check`. Best effort: an unwritable cache only
 * costs the expansion each time.
 */
function cached(file: string, expand: () => ExpandedDictionary): ExpandedDictionary {
  try {
    const lines = readFileSync(file, "utf8").split("\n");
    const words = new Set<string>();
    const noSuggest = new Set<string>();
    for (const line of lines) {
      if (!line.endsWith(NO_SUGGEST_MARK)) words.add(line);
      else {
        const w = line.slice(0, -NO_SUGGEST_MARK.length);
        words.add(w);
        noSuggest.add(w);
      }
    }
    words.delete("");
    return { words, noSuggest };
  } catch {
    const dictionary = expand();
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, [...dictionary.words].map((w) => (dictionary.noSuggest.has(w) ? w + NO_SUGGEST_MARK : w)).join("\n"));
      // a rename is atomic: a process starting meanwhile reads the old state or the whole list, never half of it
      renameSync(temp, file);
    } catch {
      // read-only install: expand every time
    }
    return dictionary;
  }
}

/**
 * A Hunspell dictionary package (wooorm's `dictionary-en`, `dictionary-en-gb`: SCOWL), expanded once per
 * process. The packages' own entry points read their files with a top-level await, which CommonJS
 * callers (tsx scripts, the CLI) cannot require, so we locate the folder and read the .aff/.dic files
 * synchronously; resolving from the working directory keeps this out of bundlers' way.
 */
function dictionaryPackage(name: "dictionary-en" | "dictionary-en-gb"): ExpandedDictionary {
  let dictionary = loaded.get(name);
  if (dictionary) return dictionary;
  const entry = createRequire(path.join(process.cwd(), "package.json")).resolve(name);
  const dir = path.dirname(entry);
  const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
  const { version } = JSON.parse(read("package.json")) as { version: string };
  const cacheFile = path.join(process.cwd(), "node_modules", ".cache", "copydesk", `${name}@${version}.v${EXPANSION_VERSION}.words`);
  dictionary = cached(cacheFile, () => expandHunspellWithFlags(read("index.aff"), read("index.dic")));
  loaded.set(name, dictionary);
  return dictionary;
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
