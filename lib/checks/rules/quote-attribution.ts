import type { CheckContext } from "../context";
import { budgetSpent, finding } from "../finding";
import { MAX_HEADLINE_QUOTES } from "../quotes/attribute";
import { isScareQuote } from "../quotes/find-quotes";
import type { Finding, Rule } from "../types";

const normal = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

function bodyText(ctx: CheckContext): string {
  return ` ${ctx.proseBlocks.filter((b) => b.kind === "paragraph").map((b) => normal(ctx.blockText(b))).join(" ")} `;
}

export const quoteAttribution: Rule = {
  id: "quote-attribution",
  category: "attribution",
  description:
    'Every quotation needs a speaker: flags quotes nobody is said to have said (a term of a few words in quotation marks inside a sentence is not speech), vague sources ("described as \'cordial\' by the parties"), and headline or dek quotes the article itself never quotes.',
  examples: [
    { text: 'Talks end well\n\nThe meeting, described as "cordial" by the parties, lasted two hours.', exact: 'described as "cordial" by the parties', replacement: null },
    { text: '"We will win": mayor confident\n\nThe mayor said the vote would be close.', exact: '"We will win"', replacement: null },
  ],
  run(ctx) {
    const findings: Finding[] = [];
    let body: string | null = null;
    let searched = 0;
    for (const a of ctx.attributions) {
      if (budgetSpent(findings)) break;
      const { quote } = a;
      const words = ctx.text.slice(quote.innerStart, quote.innerEnd);
      // each search reads the whole body: only as many as a real headline and dek carry
      if ((quote.block.kind === "headline" || quote.block.kind === "dek") && searched++ < MAX_HEADLINE_QUOTES) {
        body ??= bodyText(ctx);
        if (!body.includes(` ${normal(words)} `)) {
          const where = quote.block.kind === "headline" ? "headline" : "dek";
          const closest = a.evidence.startsWith("closest") ? `; the ${a.evidence}${a.speaker ? ` (${a.speaker})` : ""}` : "";
          findings.push(finding(ctx, quoteAttribution, quote.start, quote.end, null, `The ${where} quotes words the article never quotes${closest}.`, 0.8));
          continue;
        }
      }
      if (a.vague) {
        findings.push(finding(ctx, quoteAttribution, a.vague.start, a.vague.end, null, `Vague source: "${a.vague.source}" names nobody. Who said it?`, 0.7));
      } else if (!a.speaker && !isScareQuote(ctx.text, quote)) {
        findings.push(finding(ctx, quoteAttribution, quote.start, quote.end, null, "No speaker found for this quotation.", 0.5));
      }
    }
    return findings;
  },
};
