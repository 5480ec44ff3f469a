import { describe, expect, it } from "vitest";
import { ruleOf } from "./testing";
import { ENGINE_LIMITS } from "./pattern";
import { parseHouseRule } from "./validate";

const valid = ruleOf("email-one-word", { kind: "substitution", from: ["e-mail"], to: "email" }, {
  examples: { flag: [{ text: "an e-mail", expected: "email" }], pass: ["an email"] },
});

const errorsOf = (input: unknown) => {
  const r = parseHouseRule(input);
  return r.ok ? [] : r.errors;
};

describe("parseHouseRule", () => {
  it("accepts a valid rule and returns it", () => {
    expect(parseHouseRule(valid)).toEqual({ ok: true, rule: valid });
  });

  it("refuses a bad key, an empty message, an unknown category, severity and field, each with its path", () => {
    const errors = errorsOf({ ...valid, key: "Email One", message: "  ", category: "grammar", severity: "fatal", mesage: "x" });
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["key", "message", "category", "severity"]));
    expect(errors.find((e) => e.path === "category")?.message).toMatch(/typo, missing_space/);
    expect(errors.some((e) => /mesage/.test(e.message) || e.path === "mesage" || /unrecognized/i.test(e.message))).toBe(true);
  });

  it("refuses flags outside the whitelist and oversized lists", () => {
    expect(errorsOf({ ...valid, body: { kind: "pattern", pattern: "ab", flags: "gi" } }).map((e) => e.path)).toEqual(["body.flags"]);
    const huge = { kind: "word_list", flag: Array.from({ length: 2001 }, (_, i) => ({ word: `w${i}` })) };
    expect(errorsOf({ ...valid, body: huge }).map((e) => e.path)).toEqual(["body.flag"]);
    expect(errorsOf({ ...valid, body: { kind: "pattern", pattern: "a".repeat(501) } }).map((e) => e.path)).toEqual(["body.pattern"]);
  });

  it("refuses lookahead and backreferences with the engine's trade-off in the message, and accepts lookbehind", () => {
    for (const pattern of ["foo(?=bar)", "(?!x)y", "(a)\\1", "(?<w>a)\\k<w>"]) {
      const errors = errorsOf({ ...valid, body: { kind: "pattern", pattern } });
      expect(errors, pattern).toHaveLength(1);
      expect(errors[0].path).toBe("body.pattern");
      expect(errors[0].message).toContain(ENGINE_LIMITS);
    }
    expect(parseHouseRule({ ...valid, body: { kind: "pattern", pattern: "(?<![\\d.])\\b[1-9] [a-z]+" } }).ok).toBe(true);
  });

  it("accepts the classic catastrophic patterns, because they run in linear time", () => {
    // (a+)+$ backtracks exponentially in a backtracking engine; in RE2 it is linear
    const r = parseHouseRule({ ...valid, body: { kind: "pattern", pattern: "(a+)+$" } });
    expect(r.ok).toBe(true);
  });

  it("refuses a syntax error, an empty-matching pattern and a replacement group the pattern lacks", () => {
    expect(errorsOf({ ...valid, body: { kind: "pattern", pattern: "[a-" } })[0].message).toMatch(/^Not a valid pattern/);
    expect(errorsOf({ ...valid, body: { kind: "pattern", pattern: "x*" } })[0].message).toMatch(/empty text/);
    expect(errorsOf({ ...valid, body: { kind: "pattern", pattern: "(a)b", replacement: "$2" } }).map((e) => e.path)).toEqual(["body.replacement"]);
  });

  it("refuses a substitution of the house form itself and consistency forms equal but for case", () => {
    expect(errorsOf({ ...valid, body: { kind: "substitution", from: ["Email"], to: "email" } }).map((e) => e.path)).toEqual(["body.from.0"]);
    expect(parseHouseRule({ ...valid, body: { kind: "substitution", from: ["Internet"], to: "internet", caseSensitive: true } }).ok).toBe(true);
    expect(errorsOf({ ...valid, body: { kind: "consistency", forms: ["OK", "ok"] } }).map((e) => e.path)).toEqual(["body.forms.1"]);
    expect(errorsOf({ ...valid, body: { kind: "word_list", flag: [{ word: "  " }] } }).map((e) => e.path)).toEqual(["body.flag.0.word"]);
  });

  it("refuses a link that is not http(s)", () => {
    expect(errorsOf({ ...valid, link: "javascript:alert(1)" }).map((e) => e.path)).toEqual(["link"]);
    expect(parseHouseRule({ ...valid, link: "https://style.example/email" }).ok).toBe(true);
  });

  it("is not a type to trust: junk input gets errors, never an exception", () => {
    for (const junk of [null, 42, "rule", [], { body: null }]) expect(parseHouseRule(junk).ok).toBe(false);
  });
});
