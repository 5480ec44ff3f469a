import { compileHouseRules, matchHouseRules } from "./compile";
import type { HouseRuleSpec } from "./types";

export interface ExampleResult {
  kind: "flag" | "pass";
  /** index among the rule's examples of its kind */
  index: number;
  text: string;
  pass: boolean;
  /** what the rule found: every match, as [exact, replacement] */
  found: { exact: string; replacement: string | null }[];
  /** must-flag with a stated replacement: what was expected */
  expected?: string | null;
  /** why it failed, in words */
  problem?: string;
}

/**
 * Run a rule's examples through the same matcher the checks use. A must-flag example passes when the
 * rule matches at least once and, when `expected` is given (null included: "no replacement"), the
 * first match offers exactly that; a must-pass example passes when the rule matches nothing.
 */
export function runExamples(rule: HouseRuleSpec): ExampleResult[] {
  const compiled = compileHouseRules([rule]);
  const find = (text: string) => matchHouseRules(compiled, text).map((m) => ({ exact: m.exact, replacement: m.replacement }));
  const results: ExampleResult[] = [];
  rule.examples.flag.forEach((ex, index) => {
    const found = find(ex.text);
    const r: ExampleResult = { kind: "flag", index, text: ex.text, pass: true, found };
    if (ex.expected !== undefined) r.expected = ex.expected;
    if (found.length === 0) {
      r.pass = false;
      r.problem = "the rule flags nothing in this text, but it must";
    } else if (ex.expected !== undefined && found[0].replacement !== ex.expected) {
      r.pass = false;
      r.problem = `the first match "${found[0].exact}" offers ${show(found[0].replacement)}, expected ${show(ex.expected)}`;
    }
    results.push(r);
  });
  rule.examples.pass.forEach((text, index) => {
    const found = find(text);
    const pass = found.length === 0;
    results.push({ kind: "pass", index, text, pass, found, ...(pass ? {} : { problem: `the rule flags "${found[0].exact}" here, but this text must pass` }) });
  });
  return results;
}

const show = (r: string | null) => (r === null ? "no replacement" : `"${r}"`);

export type PublishVerdict = { ok: true } | { ok: false; reasons: string[] };

/** A rule may be published when it has at least one example of each kind and every example passes. */
export function canPublish(rule: HouseRuleSpec): PublishVerdict {
  const reasons: string[] = [];
  if (rule.examples.flag.length === 0) reasons.push("add at least one example the rule must flag");
  if (rule.examples.pass.length === 0) reasons.push("add at least one example the rule must not flag");
  for (const r of runExamples(rule)) {
    if (!r.pass) reasons.push(`${r.kind === "flag" ? "must-flag" : "must-pass"} example ${r.index + 1}: ${r.problem}`);
  }
  return reasons.length ? { ok: false, reasons } : { ok: true };
}
