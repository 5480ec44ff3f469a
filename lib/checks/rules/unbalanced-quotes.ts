import { finding } from "../finding";
import type { Finding, Rule } from "../types";

/** The mark left without a partner in a block: an opening never closed, or a closing never opened. */
function strayMark(body: string): number | null {
  let open: number | null = null;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
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
    const position = new Map(ctx.blocks.map((b, i) => [b, i]));
    for (const block of ctx.proseBlocks) {
      const body = ctx.blockText(block);
      const at = strayMark(body);
      if (at === null) continue;
      const next = ctx.blocks[position.get(block)! + 1];
      const opening = body[at] !== "”";
      // a quotation may run over paragraphs: the next one then opens with a quotation mark again
      if (opening && next?.kind === "paragraph" && /^["“]/.test(ctx.blockText(next))) continue;
      const word = /^["“”]?[\p{L}\p{N}'’]*/u.exec(body.slice(at))![0];
      const start = block.start + at;
      findings.push(finding(ctx, unbalancedQuotes, start, start + Math.max(1, word.length), null, "This quotation mark has no partner: a quotation is not opened or not closed.", 0.6));
    }
    return findings;
  },
};
