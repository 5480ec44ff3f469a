import { CREDIT_SOURCES } from "@/lib/ingest/patterns";
import type { CheckContext } from "../context";
import { budgetSpent, finding } from "../finding";
import { gluesFunctionWord, MAX_SPLIT_LENGTH } from "../text/split-words";
import { isAllCaps } from "../text/tokens";
import type { Finding, Rule } from "../types";

const CREDITS = new Set(CREDIT_SOURCES);
/** Words that start a sentence: "dawnThe" is a lost space, "LinkedIn" is not (its left part is capitalised). */
const SENTENCE_STARTERS = new Set("The A An He She It We They I In On At But And This That His Her Their Its".split(" "));
const CASE_JOIN = /^(\p{L}*\p{Ll})(\p{Lu}[\p{L}]*)$/u;
/** Starts with the mark so the engine skips ahead to it; the two lower-case letters before it are checked in code. */
const SENTENCE_JOIN = /(?:\.\.\.|[.!?…])\p{Lu}\p{Ll}+/gu;
const LOWER = /\p{Ll}/u;

function glued(ctx: CheckContext, word: string): [string, string] | null {
  if (word.length > MAX_SPLIT_LENGTH) return null; // not two words; and CASE_JOIN backtracks over a long token with a digit
  const m = CASE_JOIN.exec(word);
  if (!m) return null;
  const [, left, right] = m;
  if (left.length < 2 || !ctx.dictionary.knows(left)) return null;
  if (CREDITS.has(right)) return [left, right];
  // "macOS", "eBay", a camel-cased name the article repeats: written that way on purpose
  if (left[0] !== left[0].toLowerCase() || isAllCaps(right) || ctx.names.uses(word) > 1) return null;
  return SENTENCE_STARTERS.has(right) || ctx.dictionary.knows(right) || ctx.names.isName(right) ? [left, right] : null;
}

export const missingSpace: Rule = {
  id: "missing-space",
  category: "missing_space",
  description:
    "Words run together: an unknown word that splits into dictionary words around a function word, a lower-case word glued to a capitalised one or a photo agency, or a sentence with no space after its full stop.",
  examples: [
    { text: "The army announced thecapture of the rebel leader.", exact: "thecapture", replacement: "the capture" },
    { text: "Crews at work on the bridge\n\nCrews at work on the bridge at dawnReuters", exact: "dawnReuters", replacement: "dawn Reuters" },
    { text: "The meeting ended.The talks resume on Monday.", exact: "ended.The", replacement: "ended. The" },
  ],
  run(ctx) {
    const findings: Finding[] = [];
    const add = (start: number, end: number, replacement: string, message: string, confidence: number) =>
      findings.push(finding(ctx, missingSpace, start, end, replacement, message, confidence));
    for (const t of ctx.proseTokens) {
      if (budgetSpent(findings)) break;
      if (t.protected || ctx.dictionary.knows(t.text)) continue;
      const pair = glued(ctx, t.text);
      if (pair) {
        const credit = CREDITS.has(pair[1]);
        add(t.start, t.end, pair.join(" "), credit ? `A photo credit (${pair[1]}) is run into the caption.` : "Two words are run together.", 0.9);
        continue;
      }
      if (!/^\p{Ll}+$/u.test(t.text) || t.text.length < 5 || ctx.names.uses(t.text) > 1) continue;
      const [best, ...others] = ctx.splitWords(t.text).filter(gluesFunctionWord);
      if (!best) continue;
      const also = others.length ? ` (or: ${others.slice(0, 2).map((r) => r.join(" ")).join("; ")})` : "";
      add(t.start, t.end, best.join(" "), `Words run together: "${best.join(" ")}"${also}.`, others.length ? 0.7 : 0.9);
    }
    for (const block of ctx.proseBlocks) {
      const body = ctx.blockText(block);
      for (const m of body.matchAll(SENTENCE_JOIN)) {
        if (m.index < 2 || !LOWER.test(body[m.index - 1]) || !LOWER.test(body[m.index - 2])) continue;
        let from = m.index;
        while (from > 0 && /\p{L}/u.test(body[from - 1])) from--;
        const start = block.start + from;
        const end = block.start + m.index + m[0].length;
        if (ctx.tokensBetween(start, end).some((t) => t.protected)) continue;
        const split = m.index - from + /^(?:\.\.\.|.)/u.exec(m[0])![0].length;
        const exact = body.slice(from, m.index + m[0].length);
        add(start, end, `${exact.slice(0, split)} ${exact.slice(split)}`, "No space after the end of a sentence.", 0.85);
      }
    }
    return findings;
  },
};
