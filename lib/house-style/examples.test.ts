import { describe, expect, it } from "vitest";
import { canPublish, runExamples } from "./examples";
import { ruleOf } from "./testing";
import type { HouseRuleBody } from "./types";

const body: HouseRuleBody = { kind: "substitution", from: ["e-mail"], to: "email" };

describe("runExamples", () => {
  it("passes a must-flag example when the first match offers the expected replacement, and a must-pass one with no match", () => {
    const rule = ruleOf("email", body, { examples: { flag: [{ text: "Send an E-mail", expected: "Email" }, { text: "e-mail" }], pass: ["an email"] } });
    const results = runExamples(rule);
    expect(results.map((r) => [r.kind, r.index, r.pass])).toEqual([
      ["flag", 0, true],
      ["flag", 1, true],
      ["pass", 0, true],
    ]);
    expect(results[0].found).toEqual([{ exact: "E-mail", replacement: "Email" }]);
    expect(canPublish(rule)).toEqual({ ok: true });
  });

  it("says what was found against what was expected", () => {
    const rule = ruleOf("email", body, {
      examples: { flag: [{ text: "an e-mail", expected: "e-mail address" }, { text: "nothing here" }, { text: "e-mail", expected: null }], pass: ["one e-mail"] },
    });
    const [wrong, none, nullExpected, flagged] = runExamples(rule);
    expect(wrong).toMatchObject({ pass: false, expected: "e-mail address", problem: 'the first match "e-mail" offers "email", expected "e-mail address"' });
    expect(none).toMatchObject({ pass: false, found: [], problem: "the rule flags nothing in this text, but it must" });
    expect(nullExpected).toMatchObject({ pass: false, problem: 'the first match "e-mail" offers "email", expected no replacement' });
    expect(flagged).toMatchObject({ kind: "pass", pass: false, problem: 'the rule flags "e-mail" here, but this text must pass' });
    const verdict = canPublish(rule);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reasons).toHaveLength(4);
  });

  it("a flag-only pattern passes with expected null", () => {
    const rule = ruleOf("over", { kind: "pattern", pattern: "\\bover \\d", replacement: null }, { examples: { flag: [{ text: "over 5 people", expected: null }], pass: ["over there"] } });
    expect(canPublish(rule)).toEqual({ ok: true });
  });
});

describe("canPublish", () => {
  it("needs at least one example of each kind", () => {
    expect(canPublish(ruleOf("email", body, { examples: { flag: [], pass: ["an email"] } }))).toEqual({ ok: false, reasons: ["add at least one example the rule must flag"] });
    expect(canPublish(ruleOf("email", body, { examples: { flag: [{ text: "e-mail" }], pass: [] } }))).toEqual({ ok: false, reasons: ["add at least one example the rule must not flag"] });
  });
});
