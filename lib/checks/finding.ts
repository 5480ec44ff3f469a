import type { CheckContext } from "./context";
import type { Finding, Rule } from "./types";

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
