import { compileHouseRules, matchHouseRulesReport } from "./compile";
import type { HouseRuleSpec } from "./types";

export interface BacktestDoc {
  id: string;
  title: string;
  text: string;
}

export interface BacktestMatchInContext {
  docId: string;
  title: string;
  start: number;
  end: number;
  exact: string;
  replacement: string | null;
  /** up to CONTEXT_CHARS of text before and after the match, cut between code points */
  before: string;
  after: string;
}

export interface BacktestResult {
  /** the first maxMatches matches, in document order; counts go on past them */
  matches: BacktestMatchInContext[];
  counts: { docs: number; docsWithMatches: number; matches: number };
  /** the budget ran out before every document was read (or before a pattern finished in one) */
  truncated: boolean;
}

export const CONTEXT_CHARS = 60;
/** Matches kept with their context: a rule that fires thousands of times shows its false alarms in the first few hundred. */
export const BACKTEST_MAX_MATCHES = 1000;

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** Context before [start: never begins with the second half of a surrogate pair (emoji). */
export function contextBefore(text: string, start: number, chars = CONTEXT_CHARS): string {
  let from = Math.max(0, start - chars);
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from++;
  return text.slice(from, start);
}

/** Context after end): never ends with the first half of a surrogate pair. */
export function contextAfter(text: string, end: number, chars = CONTEXT_CHARS): string {
  let to = Math.min(text.length, end + chars);
  if (to < text.length && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to))) to--;
  return text.slice(end, to);
}

/**
 * One rule (normally a draft) over many documents, so its author sees what it would flag before the
 * desk does. Compiled once, then each document in turn within the budget.
 */
export function backtestRule(
  rule: HouseRuleSpec,
  docs: readonly BacktestDoc[],
  { budgetMs, maxMatches = BACKTEST_MAX_MATCHES }: { budgetMs: number; maxMatches?: number },
): BacktestResult {
  const deadline = performance.now() + budgetMs;
  const compiled = compileHouseRules([rule]);
  const result: BacktestResult = { matches: [], counts: { docs: 0, docsWithMatches: 0, matches: 0 }, truncated: false };
  for (const doc of docs) {
    const left = deadline - performance.now();
    if (left <= 0) {
      result.truncated = true;
      break;
    }
    const { matches, skipped } = matchHouseRulesReport(compiled, doc.text, { budgetMs: left });
    result.counts.docs++;
    if (matches.length) result.counts.docsWithMatches++;
    result.counts.matches += matches.length;
    for (const m of matches) {
      if (result.matches.length >= maxMatches) break;
      result.matches.push({
        docId: doc.id,
        title: doc.title,
        start: m.start,
        end: m.end,
        exact: m.exact,
        replacement: m.replacement,
        before: contextBefore(doc.text, m.start),
        after: contextAfter(doc.text, m.end),
      });
    }
    if (skipped.length) {
      result.truncated = true;
      break;
    }
  }
  return result;
}
