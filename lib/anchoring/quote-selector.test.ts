import { describe, expect, it } from "vitest";
import { CONTEXT_CHARS, hasLoneSurrogate, isValidRange, quoteSelector } from "./quote-selector";

describe("quoteSelector", () => {
  const text = "x".repeat(40) + "following thecapture of dictator" + "y".repeat(40);
  it("stores exact text and 32 characters of context each side", () => {
    const start = text.indexOf("thecapture");
    const q = quoteSelector(text, start, start + 10);
    expect(q.exact).toBe("thecapture");
    expect(q.prefix).toHaveLength(CONTEXT_CHARS);
    expect(q.prefix.endsWith("following ")).toBe(true);
    expect(q.suffix.startsWith(" of dictator")).toBe(true);
    expect(q.prefix + q.exact + q.suffix).toBe(text.slice(start - 32, start + 10 + 32));
  });
  it("clips context at the text's edges", () => {
    expect(quoteSelector("abc", 0, 3)).toEqual({ exact: "abc", prefix: "", suffix: "" });
  });
});

describe("quoteSelector next to an emoji", () => {
  // every offset puts the 32-unit cut somewhere in a run of emoji, half of them inside a pair
  const text = "😀".repeat(30) + "mark" + "🎉".repeat(30);
  const start = text.indexOf("mark");
  for (const [s, e] of [[start, start + 4], [start - 2, start + 6], [start, start + 3], [start + 1, start + 4]]) {
    it(`never cuts the context inside a surrogate pair (range ${s - start}..${e - start})`, () => {
      const q = quoteSelector(text, s, e);
      expect(hasLoneSurrogate(q.prefix)).toBe(false);
      expect(hasLoneSurrogate(q.suffix)).toBe(false);
      expect(q.prefix.length).toBeGreaterThanOrEqual(CONTEXT_CHARS - 1);
      expect(q.suffix.length).toBeGreaterThanOrEqual(CONTEXT_CHARS - 1);
      expect(q.prefix + q.exact + q.suffix).toBe(text.slice(s - q.prefix.length, e + q.suffix.length));
    });
  }
});

describe("isValidRange", () => {
  const text = "a😀b";
  it("accepts whole characters, refuses split surrogate pairs, empty and out-of-range ranges", () => {
    expect(isValidRange(text, 1, 3)).toBe(true);
    expect(isValidRange(text, 1, 2)).toBe(false);
    expect(isValidRange(text, 2, 4)).toBe(false);
    expect(isValidRange(text, 2, 2)).toBe(false);
    expect(isValidRange(text, 0, 5)).toBe(false);
    expect(isValidRange(text, -1, 1)).toBe(false);
  });
});

describe("hasLoneSurrogate", () => {
  it("tells half an emoji from a whole one", () => {
    expect(hasLoneSurrogate("a😀b")).toBe(false);
    expect(hasLoneSurrogate("a\ud83d")).toBe(true);
    expect(hasLoneSurrogate("\ude00b")).toBe(true);
    expect(hasLoneSurrogate("plain")).toBe(false);
  });
});
