import { CheckContext } from "./context";
import { MAX_FINDINGS_PER_RULE } from "./finding";
import { RULES } from "./rules";
import type { CheckInput, Finding, QuoteAttribution } from "./types";

export type { CheckInput, Finding, QuoteAttribution } from "./types";

/** Quotations listed in the Attribution view; a long story has dozens, and the list is stored with the run. */
export const MAX_QUOTES = 1000;

/** Every automatic check over one revision's text and blocks; pure, so the web app, CLI and API share it. */
export function runChecks(input: CheckInput): { findings: Finding[]; quotes: QuoteAttribution[] } {
  const ctx = new CheckContext(input);
  const findings = RULES.flatMap((rule) => rule.run(ctx).slice(0, MAX_FINDINGS_PER_RULE)).sort((a, b) => a.start - b.start || a.end - b.end);
  const quotes = ctx.attributions.slice(0, MAX_QUOTES).map(({ quote, speaker, evidence }) => ({
    start: quote.innerStart,
    end: quote.innerEnd,
    quote: input.text.slice(quote.innerStart, quote.innerEnd),
    speaker,
    evidence,
  }));
  return { findings, quotes };
}
