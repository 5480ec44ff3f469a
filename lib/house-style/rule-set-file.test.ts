import { describe, expect, it } from "vitest";
import { parseRuleSetFile, serializeRuleSet } from "./rule-set-file";
import { ruleOf } from "./testing";
import type { HouseRuleSpec } from "./types";

const rules: HouseRuleSpec[] = [
  ruleOf("email", { kind: "substitution", from: ["e-mail"], to: "email" }, {
    link: "https://style.example/email",
    examples: { flag: [{ text: "an e-mail", expected: "email" }, { text: "E-mail", expected: null }], pass: ["an email"] },
  }),
  ruleOf("sen", { kind: "pattern", pattern: "\\bSenator ([A-Z]\\w+ [A-Z]\\w+)", flags: "m", replacement: "Sen. $1" }, { severity: "advice", version: 3 }),
  ruleOf("ok", { kind: "consistency", forms: ["OK", "okay"] }),
  ruleOf("alot", { kind: "word_list", flag: [{ word: "alot", replacement: "a lot" }, { word: "irregardless" }], allow: ["Alot Inc"], caseSensitive: false }),
];

describe("rule-set files", () => {
  for (const format of ["yaml", "json"] as const) {
    it(`round-trips through ${format}`, () => {
      const text = serializeRuleSet(rules, format);
      const back = parseRuleSetFile(text, `set.${format}`);
      expect(back).toEqual({ ok: true, rules });
      expect(serializeRuleSet(back.ok ? back.rules : [], format)).toBe(text);
    });
  }

  it("writes fields in a stable order whatever order the rule had", () => {
    const shuffled = rules.map((r) => Object.fromEntries(Object.entries(r).reverse()) as unknown as HouseRuleSpec);
    expect(serializeRuleSet(shuffled, "yaml")).toBe(serializeRuleSet(rules, "yaml"));
    const yaml = serializeRuleSet(rules.slice(0, 1), "yaml");
    expect(yaml.indexOf("key:")).toBeLessThan(yaml.indexOf("version:"));
    expect(yaml.indexOf("message:")).toBeLessThan(yaml.indexOf("body:"));
  });

  it("reads a hand-written YAML file without versions", () => {
    const text = `rules:
  - key: alot
    title: Alot
    category: typo
    severity: error
    message: Two words.
    body:
      kind: word_list
      flag:
        - { word: alot, replacement: a lot }
    examples:
      flag: [{ text: "alot of", expected: a lot }]
      pass: ["a lot of"]
`;
    const r = parseRuleSetFile(text, "house.yaml");
    expect(r.ok && r.rules[0]).toMatchObject({ key: "alot", version: 1, body: { kind: "word_list" } });
  });

  it("places each problem on its line", () => {
    const text = `rules:
  - key: good
    title: Good
    category: style
    severity: advice
    message: ok
    body: { kind: substitution, from: [web site], to: website }
    examples: { flag: [], pass: [] }
  - key: bad
    title: Bad
    category: style
    severity: advice
    message: bad
    body:
      kind: pattern
      pattern: "(a)\\\\1"
    examples: { flag: [], pass: [] }
  - key: good
    title: Again
    category: style
    severity: advice
    message: dup
    body: { kind: substitution, from: [e-mail], to: email }
    examples: { flag: [], pass: [] }
`;
    const r = parseRuleSetFile(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.path, e.key])).toEqual([
      [16, "rules.1.body.pattern", "bad"],
      [18, "rules.2.key", "good"],
    ]);
    expect(r.errors[0].message).toMatch(/backreferences/);
  });

  it("reports a YAML syntax error with its line, and refuses what is not a rule set", () => {
    const broken = parseRuleSetFile("rules:\n  - key: a\n    title: [unclosed\n", "x.yaml");
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0].line).toBeGreaterThanOrEqual(3);
    expect(parseRuleSetFile("just text").ok).toBe(false);
    expect(parseRuleSetFile("format: 2\nrules: []").ok).toBe(false);
    expect(parseRuleSetFile("[]")).toEqual({ ok: true, rules: [] });
  });
});
