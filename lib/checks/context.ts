import type { Block, BlockKind } from "@/lib/ingest/blocks";
import { SpellDictionary } from "./dictionary/spell";
import { duplicateBlocks } from "./text/duplicate-blocks";
import { NameIndex } from "./text/names";
import { splitRunTogether } from "./text/split-words";
import { isTitleCase } from "./text/title-case";
import { markupSpans, tokenize, type Token } from "./text/tokens";
import { findQuotes, type QuoteSpan } from "./quotes/find-quotes";
import { attributeQuotes, type Attribution } from "./quotes/attribute";
import type { CheckInput } from "./types";

/** The longest paragraph read as a subhead: a headline-length line (~15 words). */
const SUBHEAD_CHARS = 120;

/** Words only a Title Case line capitalises inside it ("the" left out: "at The White House" is a name's article). */
const SMALL_WORDS = new Set(
  "a an and but or nor for of on in at to by as up via with from into over about after before not is are was were be being been has have had will would can could should says said he she it its his her they their we our this that what why how who when".split(
    " ",
  ),
);

/** Blocks an editor reads as the story; outlet lines, bylines and credits are names, not prose. */
const PROSE: ReadonlySet<BlockKind> = new Set(["headline", "dek", "caption", "paragraph"]);

/**
 * What the rules share about one article, each analysis computed on first use and then kept,
 * so a rule pays only for what it reads and no two rules tokenize the same text twice.
 */
export class CheckContext {
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly dictionary: SpellDictionary;
  private memo = new Map<string, unknown>();

  constructor(input: CheckInput) {
    this.text = input.text;
    this.blocks = input.blocks;
    this.dictionary = SpellDictionary.english(input.extraWords);
  }

  private once<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  get tokens(): Token[] {
    return this.once("tokens", () => tokenize(this.text, this.blocks));
  }

  /** Markup tags left in the text (`<tweet …>`): no words, no quotations. */
  get markup(): Array<[number, number]> {
    return this.once("markup", () => markupSpans(this.text));
  }

  /** block index → the identical block that stays */
  get duplicates(): Map<number, number> {
    return this.once("duplicates", () => duplicateBlocks(this.text, this.blocks));
  }

  /**
   * The index of the last block that no rule deletes whole (page junk, a duplicate's copy), or -1. Blocks
   * after it are the article's trailing run of deletions (see `deletionRange`).
   */
  get lastKeptBlock(): number {
    return this.once("lastKept", () => {
      let i = this.blocks.length - 1;
      while (i >= 0 && (this.blocks[i].kind === "junk" || this.duplicates.has(i))) i--;
      return i;
    });
  }

  /** Prose blocks still worth checking: a copy that will be deleted only repeats its findings. */
  get proseBlocks(): Block[] {
    return this.once("prose", () => this.blocks.filter((b, i) => PROSE.has(b.kind) && !this.duplicates.has(i)));
  }

  /**
   * Headlines and subheads written in Title Case, where capitals carry no meaning. A subhead is a short
   * paragraph or dek with no comma ("Clinton Opens Up About Her Health"); a list of names has commas.
   */
  get titleCaseBlocks(): Set<Block> {
    return this.once("titleCase", () => new Set(this.blocks.filter((b) => this.isTitleCaseBlock(b))));
  }

  private isTitleCaseBlock(block: Block): boolean {
    const line = this.blockText(block);
    if (block.kind === "headline") return isTitleCase(line);
    if (block.kind !== "paragraph" && block.kind !== "dek") return false;
    if (line.length > SUBHEAD_CHARS || line.includes(",") || !isTitleCase(line)) return false;
    // a subhead capitalises its small words too ("Opens Up About Her Health"); a sentence full of names does not
    const words = line.match(/\p{L}[\p{L}'’]*/gu) ?? [];
    return words.slice(1).some((w) => /^\p{Lu}/u.test(w) && SMALL_WORDS.has(w.toLowerCase()));
  }

  /** Tokens inside the prose blocks, in text order. */
  get proseTokens(): Array<Token & { block: Block }> {
    return this.once("proseTokens", () => {
      const prose = new Set(this.proseBlocks);
      return this.tokens.filter((t): t is Token & { block: Block } => !!t.block && prose.has(t.block));
    });
  }

  get names(): NameIndex {
    return this.once("names", () => new NameIndex(this));
  }

  get quotes(): QuoteSpan[] {
    return this.once("quotes", () => findQuotes(this));
  }

  get attributions(): Attribution[] {
    return this.once("attributions", () => attributeQuotes(this));
  }

  /** Readings of a run-together word, once per distinct word: the typo and missing-space rules both ask. */
  splitWords(word: string): string[][] {
    const splits = this.once("splits", () => new Map<string, string[][]>());
    let readings = splits.get(word);
    if (!readings) splits.set(word, (readings = splitRunTogether(word, (w) => this.dictionary.has(w))));
    return readings;
  }

  /** Prose tokens outside quotations, in text order: the narrative, where speakers are named. */
  get narrativeTokens(): Array<Token & { block: Block }> {
    return this.once("narrative", () => this.proseTokens.filter((t) => !this.inQuotation(t.start)));
  }

  /** Prose tokens (or those of `tokens`) lying wholly inside [start, end). */
  tokensBetween(start: number, end: number, tokens = this.proseTokens): Array<Token & { block: Block }> {
    const out: Array<Token & { block: Block }> = [];
    for (let i = lowerBound(tokens, start); i < tokens.length && tokens[i].start < end; i++) {
      if (tokens[i].end <= end) out.push(tokens[i]);
    }
    return out;
  }

  /** Whether `pos` lies inside a quotation; inside a quoted title only when `titlesToo`. */
  inQuotation(pos: number, titlesToo = false): boolean {
    const quotes = titlesToo ? this.quotes : this.once("spoken", () => this.quotes.filter((q) => !q.title));
    const i = lowerBound(quotes, pos + 1) - 1;
    return i >= 0 && pos < quotes[i].end;
  }

  blockText(block: Block): string {
    return this.text.slice(block.start, block.end);
  }
}

/** The first index whose item starts at or after `pos` (items sorted by start). */
function lowerBound(items: ReadonlyArray<{ start: number }>, pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
