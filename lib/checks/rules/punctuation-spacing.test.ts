import { describe, expect, it } from "vitest";
import { contextFor, marked } from "../testing";
import { punctuationSpacing } from "./punctuation-spacing";

describe("punctuation-spacing", () => {
  it("finds spaces on the wrong side of a mark", () => {
    const findings = punctuationSpacing.run(contextFor("The board met on Monday , and voted;then it left."));
    expect(findings.map((f) => [f.exact, f.replacement])).toEqual([
      ["Monday ,", "Monday,"],
      ["voted;then", "voted; then"],
    ]);
  });

  it("leaves doubled spaces alone: no page or export the story is read in shows them", () => {
    expect(marked(punctuationSpacing, "The board met  on Monday.  Then it left.")).toEqual([]);
  });

  it("leaves numbers, times, addresses and ellipses alone", () => {
    expect(marked(punctuationSpacing, "About 4,000 people left at 10:30 ... see https://example.org/a,b now.")).toEqual([]);
  });
});
