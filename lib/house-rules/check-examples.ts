import { canPublish, runExamples } from "@/lib/house-style/examples";
import type { HouseRuleSpec } from "@/lib/house-style/types";

export interface ExampleCheck {
  /** the engine's per-example results, stored with the draft and shown after save */
  results: ReturnType<typeof runExamples>;
  /** every example passed and the rule has both kinds: publishable */
  pass: boolean;
  /** why it may not be published, in words */
  problems: string[];
}

/** Run a rule's examples and say whether it may be published (the engine decides both). */
export function checkExamples(spec: HouseRuleSpec): ExampleCheck {
  const results = runExamples(spec);
  const verdict = canPublish(spec);
  return { results, pass: verdict.ok, problems: verdict.ok ? [] : verdict.reasons };
}
