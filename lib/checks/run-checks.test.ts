import { describe, expect, it } from "vitest";
import { loadFixture, loadSamples } from "./expected/load";
import { flaggedNames, scoreFindings, scoreQuotes } from "./expected/score";
import { runChecks } from "./run-checks";

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
