import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseText } from "@/lib/ingest/parse-text";
import { compileHouseRules, matchHouseRulesReport } from "../compile";
import { runExamples } from "../examples";
import { parseRuleSetFile } from "../rule-set-file";
import { STARTER_RULE_SET_PATH, loadStarterRules } from "./load";

describe("the starter house-style set", () => {
  const parsed = parseRuleSetFile(readFileSync(STARTER_RULE_SET_PATH, "utf8"), "house-style.yaml");
  const rules = parsed.ok ? parsed.rules : [];

  it("is a valid rule-set file of 15–25 rules covering every kind", () => {
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(rules.length).toBeGreaterThanOrEqual(15);
    expect(rules.length).toBeLessThanOrEqual(25);
    expect(new Set(rules.map((r) => r.body.kind))).toEqual(new Set(["substitution", "pattern", "consistency", "word_list"]));
    expect(loadStarterRules()).toEqual(rules);
  });

  for (const rule of rules) {
    it(`${rule.key}: has both kinds of example and passes every one`, () => {
      expect(rule.examples.flag.length).toBeGreaterThan(0);
      expect(rule.examples.pass.length).toBeGreaterThan(0);
      expect(runExamples(rule).filter((r) => !r.pass)).toEqual([]);
    });
  }

  it("runs as one set over the sample articles, within its budget, offsets intact", () => {
    const compiled = compileHouseRules(rules);
    const dir = path.join(__dirname, "../../../prisma/samples");
    for (const file of ["harbor-bridge.txt"]) {
      const { text } = parseText(readFileSync(path.join(dir, file), "utf8"));
      const { matches, skipped } = matchHouseRulesReport(compiled, text);
      expect(skipped).toEqual([]);
      for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.exact);
    }
  });
});
