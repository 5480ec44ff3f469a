import type { Block } from "@/lib/ingest/blocks";
import type { CheckContext } from "../context";
import { finding } from "../finding";
import { isAllCaps, isCapitalised, startsSentence } from "../text/tokens";
import type { Finding, Rule } from "../types";

interface Use {
  start: number;
  end: number;
  form: string;
}

// appended in place: copying the list per use made one name used n times cost n²
function push(uses: Map<string, Use[]>, key: string, use: Use) {
  const list = uses.get(key);
  if (list) list.push(use);
  else uses.set(key, [use]);
}

/** "the White House" / "The White House" in the middle of a sentence. */
const ARTICLE_NAME = /(?<![\p{L}'’])(the|The) (\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)*)/gu;

function midSentence(ctx: CheckContext, block: Block, pos: number) {
  return !startsSentence(ctx.text, pos, block.start) && !ctx.inQuotation(pos, true);
}

function articleUses(ctx: CheckContext, blocks: Block[]): Map<string, Use[]> {
  const uses = new Map<string, Use[]>();
  for (const block of blocks) {
    for (const m of ctx.blockText(block).matchAll(ARTICLE_NAME)) {
      const start = block.start + m.index;
      if (!midSentence(ctx, block, start)) continue;
      const key = m[2].replace(/['’]s$/u, "");
      // only the article itself: the name's own range may carry other fixes ("The White HouseAFP")
      push(uses, key, { start, end: start + 3, form: m[1] });
    }
  }
  return uses;
}

/** Multi-word capitalised phrases ("Harbor Bridge") and every spelling of them, any case. */
function phraseUses(ctx: CheckContext, blocks: Set<Block>): Map<string, Use[]> {
  const tokens = ctx.proseTokens.filter((t) => blocks.has(t.block));
  const adjacent = (k: number) => tokens[k + 1]?.block === tokens[k].block && tokens[k + 1].start === tokens[k].end + 1 && ctx.text[tokens[k].end] === " ";
  const phrases = new Set<string>();
  const firstWords = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (!isCapitalised(tokens[i].text) || tokens[i].text === "The") continue;
    for (let k = i; k < i + 3 && adjacent(k) && isCapitalised(tokens[k + 1].text); k++) {
      phrases.add(ctx.text.slice(tokens[i].start, tokens[k + 1].end).toLowerCase());
      firstWords.add(tokens[i].text.toLowerCase());
    }
  }
  const uses = new Map<string, Use[]>();
  // "SANDERS HAS ADVANTAGE IN NEW HAMPSHIRE": capitals for emphasis or a run-in head are no spelling of the name
  const shouted = (from: number, to: number) => isAllCaps(tokens[from].text) && isAllCaps(tokens[to].text);
  // "Immigration Reform" inside "Fair Immigration Reform Movement" is part of a longer name, not a spelling of the phrase
  const capitalisedAt = (j: number) => j < tokens.length && isCapitalised(tokens[j].text);
  for (let i = 0; i < tokens.length; i++) {
    if (!firstWords.has(tokens[i].text.toLowerCase())) continue;
    for (let k = i; k < i + 3 && adjacent(k); k++) {
      const form = ctx.text.slice(tokens[i].start, tokens[k + 1].end);
      const key = form.toLowerCase();
      if (!phrases.has(key) || shouted(i, k + 1) || !midSentence(ctx, tokens[i].block, tokens[i].start)) continue;
      if ((i > 0 && adjacent(i - 1) && capitalisedAt(i - 1)) || (adjacent(k + 1) && capitalisedAt(k + 2))) continue;
      push(uses, key, { start: tokens[i].start, end: tokens[k + 1].end, form });
    }
  }
  return uses;
}

/** The form most uses share; on a tie `preferred`, or null when there is none. */
function majority(uses: Use[], preferred?: string): string | null {
  const counts = new Map<string, number>();
  for (const u of uses) counts.set(u.form, (counts.get(u.form) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length < 2) return null;
  if (ranked[0][1] > ranked[1][1]) return ranked[0][0];
  return preferred && ranked.some(([form, n]) => form === preferred && n === ranked[0][1]) ? preferred : null;
}

export const capitalisation: Rule = {
  id: "capitalisation",
  category: "style",
  description:
    'The same name or phrase capitalised two ways in one article ("at The White House" in a caption, "the White House" in the body); the article\'s majority form is the fix, lower-case "the" on a tie.',
  examples: [
    {
      text: "Leaders met at the White House on Monday.\n\nThe talks at the White House lasted two hours and the guests left The White House at noon.",
      exact: "The",
      replacement: "the",
    },
  ],
  run(ctx) {
    const findings: Finding[] = [];
    const blocks = ctx.proseBlocks.filter((b) => !ctx.titleCaseBlocks.has(b));
    for (const [name, uses] of articleUses(ctx, blocks)) {
      const form = majority(uses, "the");
      if (!form) continue;
      const count = uses.filter((u) => u.form === form).length;
      for (const u of uses) {
        if (u.form === form) continue;
        findings.push(finding(ctx, capitalisation, u.start, u.end, form, `Elsewhere this article writes "${form} ${name}" (${count}×).`, 0.7));
      }
    }
    for (const uses of phraseUses(ctx, new Set(blocks)).values()) {
      const form = majority(uses);
      if (!form) continue;
      for (const u of uses) {
        if (u.form !== form) findings.push(finding(ctx, capitalisation, u.start, u.end, form, `Elsewhere this article writes "${form}".`, 0.6));
      }
    }
    return findings;
  },
};
