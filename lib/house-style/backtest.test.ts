import { describe, expect, it } from "vitest";
import { backtestRule, contextAfter, contextBefore } from "./backtest";
import { ruleOf } from "./testing";

const rule = ruleOf("email", { kind: "substitution", from: ["e-mail"], to: "email" });

describe("backtestRule", () => {
  it("shows each match in its document with context and counts", () => {
    const docs = [
      { id: "a", title: "One", text: "Write an e-mail today. Another e-mail." },
      { id: "b", title: "Two", text: "Nothing to see." },
      { id: "c", title: "Three", text: "E-mail us." },
    ];
    const r = backtestRule(rule, docs, { budgetMs: 10_000 });
    expect(r.counts).toEqual({ docs: 3, docsWithMatches: 2, matches: 3 });
    expect(r.truncated).toBe(false);
    expect(r.matches[0]).toEqual({ docId: "a", title: "One", start: 9, end: 15, exact: "e-mail", replacement: "email", before: "Write an ", after: " today. Another e-mail." });
    expect(r.matches[2]).toMatchObject({ docId: "c", exact: "E-mail", replacement: "Email", before: "", after: " us." });
  });

  it("cuts context between code points, never inside an emoji", () => {
    const text = "😀".repeat(40) + " e-mail " + "🎉".repeat(40);
    const r = backtestRule(rule, [{ id: "x", title: "x", text }], { budgetMs: 10_000 });
    const { before, after } = r.matches[0];
    expect(before.length).toBeLessThanOrEqual(60);
    expect(before).toBe("😀".repeat(29) + " ");
    expect(after).toBe(" " + "🎉".repeat(29));
    // an odd cut lands inside a pair: the half is left out
    expect(contextBefore("a😀b", 3, 1)).toBe("");
    expect(contextBefore("a😀b", 3, 2)).toBe("😀");
    expect(contextAfter("a😀b", 1, 1)).toBe("");
  });

  it("stops at its budget and says so; keeps at most maxMatches while counting on", () => {
    const docs = Array.from({ length: 5 }, (_, i) => ({ id: String(i), title: "t", text: "e-mail ".repeat(10) }));
    expect(backtestRule(rule, docs, { budgetMs: 0 })).toMatchObject({ truncated: true, counts: { docs: 0 } });
    const r = backtestRule(rule, docs, { budgetMs: 10_000, maxMatches: 7 });
    expect(r.matches).toHaveLength(7);
    expect(r.counts.matches).toBe(50);
  });
});
