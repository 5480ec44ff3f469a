import { finding } from "../finding";
import type { Finding, Rule } from "../types";

/**
 * The mark left without a partner in text[from, to): an opening never closed, or a closing never opened.
 * Marks inside markup tags (`<tweet author="…">`) are the tag's, not the prose's.
 */
function strayMark(text: string, from: number, to: number, markup: Array<[number, number]>): number | null {
  let open: number | null = null;
  let m = 0;
  for (let i = from; i < to; i++) {
    while (m < markup.length && markup[m][1] <= i) m++;
    if (m < markup.length && markup[m][0] <= i) {
      i = markup[m][1] - 1;
      continue;
    }
    const c = text[i];
    if (c === "“" || (c === '"' && open === null)) {
      if (open !== null) return open;
      open = i;
    } else if (c === "”" || c === '"') {
      if (open === null) return i;
      open = null;
    }
  }
  return open;
}

export const unbalancedQuotes: Rule = {
  id: "unbalanced-quotes",
  category: "punctuation",
  description: "A quotation mark without its partner in the same paragraph (a quotation that goes on into the next paragraph is fine).",
  examples: [{ text: 'The mayor said the plan was "on schedule and praised the crews.', exact: '"on', replacement: null }],
  run(ctx) {
    const findings: Finding[] = [];
    const { text, blocks, markup } = ctx;
    const prose = new Set(ctx.proseBlocks);
    const stray = blocks.map((b) => (prose.has(b) ? strayMark(text, b.start, b.end, markup) : null));
    // a straight mark closes when it follows a word and no word follows it (`Bill Clinton."`)
    const closingShape = (at: number) => text[at] === "”" || (text[at] === '"' && /\S/.test(text[at - 1] ?? " ") && !/[\p{L}\p{N}]/u.test(text[at + 1] ?? ""));
    const opens = (at: number | null): at is number => at !== null && !closingShape(at);
    const closes = (at: number | null): at is number => at !== null && closingShape(at);
    blocks.forEach((block, i) => {
      const at = stray[i];
      if (at === null) return;
      const next = blocks[i + 1];
      // a quotation may run over paragraphs: the next one then opens with a quotation mark again
      if (opens(at) && next?.kind === "paragraph" && /^["“]/.test(ctx.blockText(next))) return;
      // or a line break cut one quotation in two (a pull quote and its speaker's line): open here, closed there
      if (opens(at) && closes(stray[i + 1])) return;
      if (closes(at) && opens(stray[i - 1])) return;
      const word = /^["“”]?[\p{L}\p{N}'’]*/u.exec(text.slice(at, block.end))![0];
      findings.push(finding(ctx, unbalancedQuotes, at, at + Math.max(1, word.length), null, "This quotation mark has no partner: a quotation is not opened or not closed.", 0.6));
    });
    return findings;
  },
};
