import { describe, expect, it } from "vitest";
import type { ParsedArticle } from "@/lib/ingest/blocks";
import { parseText } from "@/lib/ingest/parse-text";
import { MAX_FINDINGS_PER_RULE } from "./finding";
import { protectedSpans } from "./text/tokens";
import { runChecks } from "./run-checks";

/**
 * Issue 8: inputs that made a rule run in super-linear time. Before, each took seconds to minutes or
 * ran out of memory (in the name: the checks alone, measured once on the 2-core development machine);
 * now each takes well under a second, and the budget is generous so that a busy machine passes.
 */
const BUDGET_MS = 3_000;
const HEAD = "Council votes on the harbor budget\n\n";

const HOSTILE: Array<[string, () => string]> = [
  ["one 16 KB token of run-together words (before: > 40 s; every pair of cuts was tried)", () => `${HEAD}The ${"theand".repeat(2_700)} ended.`],
  ["one 16 KB token of letters (before: out of memory; every edit of it was built for suggestions)", () => `${HEAD}The ${"abcdefghij".repeat(1_600)} ended.`],
  ["a 256 KB camel-case token with a digit (before: 21 s; the case-join pattern backtracked)", () => `${HEAD}The ${"aA".repeat(128_000)}1 ended.`],
  ["2,000 distinct gibberish words (before: 11 s; two-edit suggestions built ~200,000 strings each)", () => HEAD + Array.from({ length: 2_000 }, (_, i) => `q${(i * 7919).toString(36)}zxv`).join(" ")],
  ["a 128 KB address of .com repeated (before: > 40 s; each .com widened back over the whole run)", () => `${HEAD}See x${".com".repeat(32_000)} now.`],
  ["a 128 KB run of full stops in a block with a quote (before: > 40 s; the sentence pattern retried inside the run)", () => `${HEAD}He said "a" then${".".repeat(128_000)} x.`],
  ["a 128 KB run of spaces inside a paragraph (before: 27 s; the spacing patterns retried inside the run)", () => `${HEAD}The end${" ".repeat(128_000)}came`],
  ["a 128 KB sentence of curly quotes (before: > 40 s; each quote rescanned its sentence)", () => `${HEAD}He said ${"“a ”b ".repeat(21_500)} ok.`],
  ["a 128 KB run of “Name: quote” (before: > 40 s; each quote re-read its block back to the start)", () => `${HEAD}Trump: ${"“no” ".repeat(25_600)}`],
  ["a 128 KB headline of quotes over a body of quotes (before: 9.5 s; each headline quote searched the whole body)", () => `${"“a b c” ".repeat(8_000)}\n\n${"He said “a b d” ok. ".repeat(3_200)}`],
  ["1 MB of one capitalised phrase (before: > 40 s; its list of uses was copied on each new use)", () => HEAD + "at The Harbor Bridge and the Harbor Bridge, Alpha Beta Gamma ".repeat(17_000)],
];

/** A headline, then paragraphs at the blank lines: the checks alone, whatever ingest makes of such text. */
function article(text: string): ParsedArticle {
  const blocks: ParsedArticle["blocks"] = [];
  let start = 0;
  for (const part of text.split("\n\n")) {
    blocks.push({ kind: blocks.length === 0 ? "headline" : "paragraph", start, end: start + part.length });
    start += part.length + 2;
  }
  return { text, blocks };
}

describe("the checks stay near-linear on hostile input", () => {
  for (const [name, make] of HOSTILE) {
    it(name, () => {
      const parsed = article(make());
      const started = performance.now();
      const { findings } = runChecks(parsed);
      expect(performance.now() - started).toBeLessThan(BUDGET_MS);
      const perRule = new Map<string, number>();
      for (const f of findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
      for (const [rule, n] of perRule) expect(n, rule).toBeLessThanOrEqual(MAX_FINDINGS_PER_RULE);
    });
  }

  it("reports at most the budget of findings per rule, the first ones in the text", () => {
    const text = `${HEAD}${"The board met on Monday,and voted. ".repeat(1_000)}`;
    const { findings } = runChecks(parseText(text));
    const spacing = findings.filter((f) => f.rule === "punctuation-spacing");
    expect(spacing).toHaveLength(MAX_FINDINGS_PER_RULE);
    expect(spacing[0].start).toBe(text.indexOf("Monday,and"));
  });

  it("protects a long run of addresses as one span, as before", () => {
    const text = `See x${".com".repeat(1_000)} now.`;
    const spans = protectedSpans(text);
    expect(spans.every(([start]) => start === 4)).toBe(true);
    expect(Math.max(...spans.map(([, end]) => end))).toBe(text.indexOf(" now"));
  });
});
