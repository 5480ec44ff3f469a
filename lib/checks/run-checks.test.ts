import { describe, expect, it } from "vitest";
import { loadFixture, loadSamples } from "./expected/load";
import { flaggedNames, scoreFindings, scoreQuotes } from "./expected/score";
import { ruleOf } from "@/lib/house-style/testing";
import type { HouseRuleSpec } from "@/lib/house-style/types";
import { compiledHouseRules, HOUSE_CONFIDENCE, runChecks } from "./run-checks";

describe("runChecks on the scraped fixture (issue 3 targets)", () => {
  const { parsed, expected } = loadFixture();
  const { findings, quotes } = runChecks(parsed);
  const score = scoreFindings(parsed.text, expected, findings);

  it("finds every required defect with the right category", () => {
    expect(score.missedRequired).toEqual([]);
  });

  it("flags none of the article's names as misspelled", () => {
    expect(flaggedNames(parsed.text, expected, findings)).toEqual([]);
  });

  it("has at most 3 findings that match no listed defect", () => {
    expect(score.falsePositives.length, JSON.stringify(score.falsePositives.map((f) => [f.rule, f.exact]))).toBeLessThanOrEqual(3);
  });

  it("gives at least 8 of the 10 listed quotes their speaker, and treats no title as a quote", () => {
    const q = scoreQuotes(expected, quotes);
    expect(q.right.length, `wrong: ${q.wrong.join(" | ")}`).toBeGreaterThanOrEqual(8);
    expect(q.treatedAsQuotes).toEqual([]);
  });

  it("reports offsets into the text it was given", () => {
    for (const f of findings) expect(parsed.text.slice(f.start, f.end)).toBe(f.exact);
    for (const q of quotes) expect(parsed.text.slice(q.start, q.end)).toBe(q.quote);
  });
});

describe("runChecks on the project's sample articles", () => {
  for (const { name, parsed, expected } of loadSamples()) {
    it(`${name}: finds the required defects, names no name a typo, attributes the quotes, few false positives`, () => {
      const { findings, quotes } = runChecks(parsed);
      const score = scoreFindings(parsed.text, expected, findings);
      expect(score.missedRequired).toEqual([]);
      expect(flaggedNames(parsed.text, expected, findings)).toEqual([]);
      expect(score.falsePositives.map((f) => [f.rule, f.exact])).toEqual([]);
      expect(scoreQuotes(expected, quotes).wrong).toEqual([]);
    });
  }
});

describe("runChecks on text with nothing to find", () => {
  it("returns nothing for a clean article", () => {
    const text = "Bridge reopens in March\n\nBy Marta Quiroga\n\nThe Harbor Bridge will reopen in March, city engineers said on Monday.";
    const blocks = [
      { kind: "headline" as const, start: 0, end: 23 },
      { kind: "byline" as const, start: 25, end: 40 },
      { kind: "paragraph" as const, start: 42, end: text.length },
    ];
    expect(runChecks({ text, blocks })).toEqual({ findings: [], quotes: [] });
  });
});

describe("runChecks with house rules", () => {
  const text = "Send an e-mail.\n\nIt was alot of work.";
  const blocks = [
    { kind: "paragraph" as const, start: 0, end: 15 },
    { kind: "paragraph" as const, start: 17, end: text.length },
  ];
  const houseRules: HouseRuleSpec[] = [
    ruleOf("email-one-word", { kind: "substitution", from: ["e-mail"], to: "email" }, { version: 3, severity: "error", message: "One word: email." }),
    ruleOf("alot", { kind: "word_list", flag: [{ word: "alot", replacement: "a lot" }] }, { category: "typo", severity: "advice" }),
  ];

  it("adds a finding per match with rule house:<key>, its version, category, message and the severity's confidence", () => {
    const house = runChecks({ text, blocks, houseRules }).findings.filter((f) => f.rule.startsWith("house:"));
    expect(house).toEqual([
      { rule: "house:email-one-word", category: "style", start: 8, end: 14, exact: "e-mail", replacement: "email", message: "One word: email.", confidence: 0.9, ruleVersion: 3 },
      { rule: "house:alot", category: "typo", start: 24, end: 28, exact: "alot", replacement: "a lot", message: "House style (alot)", confidence: 0.5, ruleVersion: 1 },
    ]);
    expect(HOUSE_CONFIDENCE).toEqual({ error: 0.9, warning: 0.7, advice: 0.5 });
  });

  it("without house rules finds only what the built-in rules find", () => {
    expect(runChecks({ text, blocks }).findings.some((f) => f.rule.startsWith("house:"))).toBe(false);
  });

  it("compiles an equal set once, whatever object it arrives in, and a changed set anew", () => {
    const a = compiledHouseRules(structuredClone(houseRules));
    expect(compiledHouseRules(structuredClone(houseRules))).toBe(a);
    const changed = structuredClone(houseRules);
    changed[1].version = 2;
    expect(compiledHouseRules(changed)).not.toBe(a);
    // a caller-given set key stands for the content
    const keyed = compiledHouseRules(houseRules, "email@3,alot@1");
    expect(compiledHouseRules(structuredClone(houseRules), "email@3,alot@1")).toBe(keyed);
    expect(compiledHouseRules(houseRules, "email@3,alot@2")).not.toBe(keyed);
    // the cache is bounded: after enough other sets the first is compiled again
    for (let i = 0; i < 5; i++) compiledHouseRules([ruleOf(`r${i}`, { kind: "substitution", from: ["x"], to: "y" })]);
    expect(compiledHouseRules(structuredClone(houseRules))).not.toBe(a);
  });
});
