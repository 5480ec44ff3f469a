import { englishNoSuggest, englishSuggestIndexFile, englishWords } from "./english";
import { suggestFrom } from "./suggest";

const APOSTROPHE = /’/g;

/** The index file's name costs two package.json reads: once per process. */
let indexFileName: string | undefined;
const englishIndexFile = () => (indexFileName ??= englishSuggestIndexFile());

/** The English dictionary plus a newsroom's own words; knows about case and possessives. */
export class SpellDictionary {
  private readonly extra: Set<string>;
  /** an article repeats its words: each distinct one is looked up once */
  private readonly answers = new Map<string, boolean>();

  constructor(
    private readonly base: ReadonlySet<string>,
    extraWords: readonly string[] = [],
    /** base words never suggested (Hunspell NOSUGGEST) */
    private readonly noSuggest: ReadonlySet<string> = new Set(),
    /** where the base words' suggestion index is kept between processes (none: built in each) */
    private readonly indexFile?: string,
  ) {
    this.extra = new Set(extraWords.flatMap((w) => [w, w.toLowerCase()]));
  }

  static english(extraWords?: readonly string[]): SpellDictionary {
    return new SpellDictionary(englishWords(), extraWords, englishNoSuggest(), englishIndexFile());
  }

  /** An exact word form, no case folding: for splitting run-together words. */
  has(word: string): boolean {
    return this.base.has(word) || this.extra.has(word);
  }

  /** Whether `word` is right as written, allowing a capital at a sentence start, capitals throughout, a possessive. */
  knows(word: string): boolean {
    let known = this.answers.get(word);
    if (known === undefined) this.answers.set(word, (known = this.lookUp(word)));
    return known;
  }

  private lookUp(word: string): boolean {
    const w = word.includes("’") ? word.replace(APOSTROPHE, "'") : word;
    if (this.has(w)) return true;
    const lower = w.toLowerCase();
    // sentence-initial "The" and shouted "TRUMP" are the dictionary's "the" and "Trump"
    if (w !== lower && (this.has(lower) || this.has(lower[0].toUpperCase() + lower.slice(1)))) return true;
    if (w.endsWith("'s")) return this.lookUp(w.slice(0, -2));
    if (w.endsWith("'") && w.length > 1) return this.lookUp(w.slice(0, -1));
    return false;
  }

  /**
   * Up to `max` English words at most `distance` weighted edits away, likeliest first, the case of `word`
   * kept. Drawn from the shared dictionary only, so the process-wide index and cache hold for every
   * newsroom list.
   */
  suggest(word: string, max = 3, distance: 1 | 2 = 2): string[] {
    return suggestFrom(word, this.base, max, distance, { noSuggest: this.noSuggest, cacheFile: this.indexFile });
  }
}
