import { CheckContext } from "./context";
import { RULES } from "./rules";
import type { CheckInput, Finding, QuoteAttribution } from "./types";

export type { CheckInput, Finding, QuoteAttribution } from "./types";

/** Every automatic check over one revision's text and blocks; pure, so the web app, CLI and API share it. */
export function runChecks(input: CheckInput): { findings: Finding[]; quotes: QuoteAttribution[] } {
  const ctx = new CheckContext(input);
  const findings = RULES.flatMap((rule) => rule.run(ctx)).sort((a, b) => a.start - b.start || a.end - b.end);
  const quotes = ctx.attributions.map(({ quote, speaker, evidence }) => ({
    start: quote.innerStart,
    end: quote.innerEnd,
    quote: input.text.slice(quote.innerStart, quote.innerEnd),
    speaker,
    evidence,
  }));
  return { findings, quotes };
}
