import { describe, expect, it } from "vitest";
import { CONTEXT_CHARS, isValidRange, quoteSelector } from "./quote-selector";

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
