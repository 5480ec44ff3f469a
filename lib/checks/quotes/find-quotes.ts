import type { Block } from "@/lib/ingest/blocks";
import type { CheckContext } from "../context";

export interface QuoteSpan {
  /** from the opening mark to the closing mark, both included */
  start: number;
  end: number;
  /** the words between the marks */
  innerStart: number;
  innerEnd: number;
  block: Block;
  /** a title or name in quotation marks ("The Art of the Deal", 'X'): not something anyone said */
  title: boolean;
}

const TITLE_NOUNS = new Set(
  "book books novel memoir film movie song album show series documentary play network newspaper magazine podcast program programme app platform channel brand website site hashtag titled entitled slogan"
    .split(" "),
);
const MINOR = new Set(["a", "an", "the", "and", "but", "or", "of", "on", "in", "at", "to", "for", "by", "with", "from"]);
const PRONOUNS = new Set(["I", "We", "He", "She", "They", "You", "It"]);
const isLetter = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

function looksLikeTitle(inner: string, before: string, single: boolean): boolean {
  const words = inner.trim().split(/\s+/);
  if (single && words.length === 1) return true;
  const lead = before.toLowerCase().match(/[\p{L}]+/gu)?.slice(-3) ?? [];
  if (lead.some((w) => TITLE_NOUNS.has(w)) && /^\p{Lu}/u.test(inner)) return true;
  if (words.length < 2 || /[.!?,:;]$/.test(inner) || PRONOUNS.has(words[0])) return false;
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && MINOR.has(w)));
}

/** Quotation-mark pairs in the prose blocks: straight and curly, double and single; apostrophes skipped. */
export function findQuotes(ctx: CheckContext): QuoteSpan[] {
  const { text } = ctx;
  const spans: QuoteSpan[] = [];
  const markup = ctx.markup;
  let m = 0;
  for (const block of ctx.proseBlocks) {
    let double: number | null = null;
    let single: number | null = null;
    const add = (open: number, close: number, isSingle: boolean) => {
      const inner = text.slice(open + 1, close);
      if (!inner.trim()) return;
      const before = text.slice(Math.max(block.start, open - 40), open);
      spans.push({ start: open, end: close + 1, innerStart: open + 1, innerEnd: close, block, title: looksLikeTitle(inner, before, isSingle) });
    };
    for (let i = block.start; i < block.end; i++) {
      // an attribute's quotation marks (`author="@x"`) belong to the tag: jump past it
      while (m < markup.length && markup[m][1] <= i) m++;
      if (m < markup.length && markup[m][0] <= i) {
        i = markup[m][1] - 1;
        continue;
      }
      const c = text[i];
      if (c === '"' || c === "“" || c === "”") {
        // an opening curly mark typed where the closing one belongs (`unusual,“ said`) still closes: it follows a word and no word follows it
        const closesAnyway = c === "“" && !/\s/.test(text[i - 1]) && !isLetter(text[i + 1]);
        if (double === null && c !== "”") double = i;
        else if (double !== null && (c !== "“" || closesAnyway)) {
          add(double, i, false);
          double = null;
        }
      } else if (double === null && (c === "'" || c === "‘" || c === "’")) {
        const prev = text[i - 1];
        const next = text[i + 1];
        const opens = c !== "’" && (i === block.start || /[\s(\[—–-]/.test(prev)) && isLetter(next);
        const closes = c !== "‘" && single !== null && !/\s/.test(prev) && !isLetter(next);
        if (closes) {
          add(single!, i, true);
          single = null;
        } else if (opens) single = i;
      }
    }
  }
  return spans;
}

/** The most words of a quoted term inside a sentence ("poison pill", "establishment"). */
export const SCARE_WORDS = 3;

/**
 * A few words in quotation marks in the middle of a sentence: a term held at arm's length or a word
 * borrowed from the story's sources (scare quotes), not a statement that needs a named speaker.
 */
export function isScareQuote(text: string, quote: QuoteSpan): boolean {
  const words = text.slice(quote.innerStart, quote.innerEnd).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  if (words.length > SCARE_WORDS) return false;
  const before = text.slice(Math.max(quote.block.start, quote.start - 40), quote.start).trimEnd();
  return before.length > 0 && !/[.!?:…]$/.test(before);
}
