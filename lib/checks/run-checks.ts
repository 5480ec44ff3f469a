import { createHash } from "node:crypto";
import { compileHouseRules, matchHouseRules, type CompiledHouseRules } from "@/lib/house-style/compile";
import { houseRuleId, type HouseRuleSeverity, type HouseRuleSpec } from "@/lib/house-style/types";
import { CheckContext } from "./context";
import { MAX_FINDINGS_PER_RULE } from "./finding";
import { RULES } from "./rules";
import type { CheckInput, Finding, QuoteAttribution } from "./types";

export type { CheckInput, Finding, QuoteAttribution } from "./types";

/** Quotations listed in the Attribution view; a long story has dozens, and the list is stored with the run. */
export const MAX_QUOTES = 1000;

/**
 * How sure a house rule's finding is, from the severity its author gave it (decision 025): an error is
 * as sure as our surest built-in rules, advice is a coin toss the editor settles.
 */
export const HOUSE_CONFIDENCE: Record<HouseRuleSeverity, number> = { error: 0.9, warning: 0.7, advice: 0.5 };

/**
 * Compiled house-rule sets by a hash of their specs. The checks' thread gets the same published set
 * with every article (a fresh copy each time: it crosses threads as plain data), and compiling 10,000
 * rules costs far more than hashing them. A few entries cover a set changing while articles queue.
 */
const COMPILED_CACHE_SIZE = 4;
const compiledCache = new Map<string, CompiledHouseRules>();

export function compiledHouseRules(rules: HouseRuleSpec[], setKey?: string): CompiledHouseRules {
  const hash = setKey !== undefined ? `key:${setKey}` : createHash("sha256").update(JSON.stringify(rules)).digest("hex");
  const hit = compiledCache.get(hash);
  if (hit) {
    // most recently used goes last; the first entry is the one evicted
    compiledCache.delete(hash);
    compiledCache.set(hash, hit);
    return hit;
  }
  const compiled = compileHouseRules(rules);
  compiledCache.set(hash, compiled);
  if (compiledCache.size > COMPILED_CACHE_SIZE) compiledCache.delete(compiledCache.keys().next().value!);
  return compiled;
}

function houseFindings(input: CheckInput): Finding[] {
  if (!input.houseRules?.length) return [];
  const compiled = compiledHouseRules(input.houseRules, input.houseRulesKey);
  const byKey = new Map(input.houseRules.map((r) => [r.key, r]));
  return matchHouseRules(compiled, input.text).map((m) => {
    const rule = byKey.get(m.key)!;
    return {
      rule: houseRuleId(m.key),
      category: rule.category,
      start: m.start,
      end: m.end,
      exact: m.exact,
      replacement: m.replacement,
      message: m.message,
      confidence: HOUSE_CONFIDENCE[rule.severity],
      ruleVersion: m.version,
    };
  });
}

/** Every automatic check over one revision's text and blocks; pure, so the web app, CLI and API share it. */
export function runChecks(input: CheckInput): { findings: Finding[]; quotes: QuoteAttribution[] } {
  const ctx = new CheckContext(input);
  const findings = RULES.flatMap((rule) => rule.run(ctx).slice(0, MAX_FINDINGS_PER_RULE))
    .concat(houseFindings(input))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const quotes = ctx.attributions.slice(0, MAX_QUOTES).map(({ quote, speaker, evidence }) => ({
    start: quote.innerStart,
    end: quote.innerEnd,
    quote: input.text.slice(quote.innerStart, quote.innerEnd),
    speaker,
    evidence,
  }));
  return { findings, quotes };
}
