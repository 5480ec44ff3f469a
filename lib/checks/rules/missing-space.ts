import { CREDIT_SOURCES } from "@/lib/ingest/patterns";
import type { CheckContext } from "../context";
import { budgetSpent, finding } from "../finding";
import { caseJoinReading, runTogether } from "../text/run-together";
import { isFunctionWord, MAX_SPLIT_LENGTH } from "../text/split-words";
import { hasDigit, isAllCaps } from "../text/tokens";
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
  if (SENTENCE_STARTERS.has(right) || ctx.dictionary.knows(right) || ctx.names.isName(right)) return [left, right];
  // "theChristians", "ofBangalore": a function word glued onto a name the dictionary cannot know
  return isFunctionWord(left) && NAME_SHAPE.test(right) ? [left, right] : null;
}

const NAME_SHAPE = /^\p{Lu}\p{Ll}{2,}$/u;

/** A word with its digits glued on ("section4", "56Table"): the letters must be a word of four or more. */
function digitJoin(ctx: CheckContext, word: string): string | null {
  const m = /^(\p{N}+)(\p{L}{4,})$|^(\p{L}{4,})(\p{N}+)$/u.exec(word);
  if (!m) return null;
  const letters = m[2] ?? m[3];
  if (!ctx.dictionary.knows(letters) || isAllCaps(letters)) return null;
  return m[1] ? `${m[1]} ${m[2]}` : `${m[3]} ${m[4]}`;
}

export const missingSpace: Rule = {
  id: "missing-space",
  category: "missing_space",
  description:
    "Words run together: an unknown word that reads as common words around a function word (the likeliest reading by word frequency, any number of lost spaces, a capitalised join like \"Thisproblem\"), a word glued to a number, a lower-case word glued to a capitalised one or a photo agency, or a sentence with no space after its full stop.",
  examples: [
    { text: "The army announced thecapture of the rebel leader.", exact: "thecapture", replacement: "the capture" },
    { text: "Crews at work on the bridge\n\nCrews at work on the bridge at dawnReuters", exact: "dawnReuters", replacement: "dawn Reuters" },
    { text: "The meeting ended.The talks resume on Monday.", exact: "ended.The", replacement: "ended. The" },
    { text: "Council votes\n\nThisproblem came up when nobody eversaw the plan.", exact: "Thisproblem", replacement: "This problem" },
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
      // "BankofEngland", "TheBRIDGE": a brand the article repeats is written so on purpose, and a name the
      // article uses on its own ("Holt" beside "HoltBooks") is no word glued to a function word
      const joined = ctx.names.uses(t.text) < 2 ? caseJoinReading(t.text, (w) => ctx.dictionary.knows(w) || (w.toLowerCase() !== t.text.toLowerCase() && ctx.names.uses(w) > 0)) : null;
      if (joined) {
        add(t.start, t.end, joined.join(" "), `Words run together: "${joined.join(" ")}".`, 0.8);
        continue;
      }
      if (hasDigit(t.text)) {
        // a name with a number that the article repeats ("Future45") is written so on purpose
        const split = t.text.length <= MAX_SPLIT_LENGTH && ctx.names.uses(t.text) < 2 ? digitJoin(ctx, t.text) : null;
        if (split) add(t.start, t.end, split, "A word and a number are run together.", 0.8);
        continue;
      }
      const reading = runTogether(ctx, t.text, t.start);
      if (!reading) continue;
      const [best, ...others] = reading;
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
