import { describe, expect, it } from "vitest";
import { markupSpans, startsSentence, tokenize } from "./tokens";

describe("tokens", () => {
  it("protects the words of markup left in the text, and nothing around it", () => {
    const text = 'Riders wrote <post id="5512" author="@harborrider">fares up</post> today.';
    const words = tokenize(text, []).map((t) => [t.text, t.protected]);
    expect(words).toEqual([
      ["Riders", false],
      ["wrote", false],
      ["post", true],
      ["id", true],
      ["5512", true],
      ["author", true],
      ["harborrider", true],
      ["fares", false],
      ["up", false],
      ["post", true],
      ["today", false],
    ]);
  });

  it("reads a lone angle bracket as no markup, in one short try", () => {
    expect(markupSpans("if fares < 3 dollars and > 2")).toEqual([]);
    const hostile = `<a ${"b ".repeat(200_000)}`;
    const t0 = performance.now();
    expect(markupSpans(hostile)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it("knows a sentence start behind a closing quotation mark and after a dateline's dash", () => {
    const quoted = "He said it was “over.” The board left.";
    expect(startsSentence(quoted, quoted.indexOf("The"), 0)).toBe(true);
    const dateline = "PORTSMOUTH (Harbor Wire) - The board met.";
    expect(startsSentence(dateline, dateline.indexOf("The"), 0)).toBe(true);
    const inside = "He read “The Fares” and The Board.";
    expect(startsSentence(inside, inside.indexOf("The Board"), 0)).toBe(false);
  });
});
