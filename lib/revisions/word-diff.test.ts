import { describe, expect, it } from "vitest";
import { compactDiff, wordDiff } from "./word-diff";

describe("wordDiff", () => {
  it("shows a restored space as one edit", () => {
    const parts = wordDiff("following thecapture of dictator", "following the capture of dictator");
    expect(parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["thecapture"]);
    expect(parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["the capture"]);
    expect(parts.filter((p) => !p.added).map((p) => p.value).join("")).toBe("following thecapture of dictator");
    expect(parts.filter((p) => !p.removed).map((p) => p.value).join("")).toBe("following the capture of dictator");
  });
  it("compacts long unchanged runs but keeps every change", () => {
    const long = "word ".repeat(100);
    const parts = compactDiff(wordDiff(`${long}old${long}`, `${long}new${long}`));
    expect(parts.map((p) => p.value).join("").length).toBeLessThan(400);
    expect(parts.some((p) => p.removed && p.value.includes("old"))).toBe(true);
  });
});
