import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expandHunspell } from "./hunspell";

let cached: ReadonlySet<string> | null = null;

/**
 * US English word forms from the `dictionary-en` package (SCOWL/Hunspell, maintained by wooorm),
 * expanded once per process. The package's own entry point reads its files with a top-level await,
 * which CommonJS callers (tsx scripts, the CLI) cannot require, so we locate its folder and read the
 * .aff/.dic files synchronously; resolving from the working directory keeps this out of bundlers' way.
 */
export function englishWords(): ReadonlySet<string> {
  if (cached) return cached;
  const entry = createRequire(path.join(process.cwd(), "package.json")).resolve("dictionary-en");
  const dir = path.dirname(entry);
  const read = (name: string) => readFileSync(path.join(dir, name), "utf8");
  cached = expandHunspell(read("index.aff"), read("index.dic"));
  return cached;
}
