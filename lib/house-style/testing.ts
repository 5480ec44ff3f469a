import type { HouseRuleBody, HouseRuleSpec } from "./types";

/** A valid rule around a body, for tests and the benchmark. */
export function ruleOf(key: string, body: HouseRuleBody, extra: Partial<HouseRuleSpec> = {}): HouseRuleSpec {
  return {
    key,
    version: 1,
    title: `Rule ${key}`,
    category: "style",
    message: `House style (${key})`,
    severity: "warning",
    body,
    examples: { flag: [], pass: [] },
    ...extra,
  };
}
