import type { CheckContext } from "./context";
import type { Finding, Rule } from "./types";

/**
 * The most findings one rule reports on one article. No editor works through more than a few hundred
 * suggestions of one kind, and the bound keeps a hostile article's check run to a bounded number of
 * rows and of costly look-ups (spelling suggestions); the findings kept are the first in the text.
 */
export const MAX_FINDINGS_PER_RULE = 250;

export const budgetSpent = (findings: readonly Finding[]) => findings.length >= MAX_FINDINGS_PER_RULE;

export function finding(
  ctx: CheckContext,
  rule: Pick<Rule, "id" | "category">,
  start: number,
  end: number,
  replacement: string | null,
  message: string,
  confidence: number,
): Finding {
  return { rule: rule.id, category: rule.category, start, end, exact: ctx.text.slice(start, end), replacement, message, confidence };
}
