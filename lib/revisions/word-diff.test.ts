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
  it("compares words only where paragraphs changed: a long article with a few edits is quick and exact", () => {
    const paragraphs = Array.from({ length: 2_000 }, (_, i) => `Paragraph ${i} says the council met and voted on plan ${i}.`);
    const edited = paragraphs.map((p, i) => (i % 400 === 7 ? p.replace("voted", "did not vote") : p));
    const began = performance.now();
    const parts = wordDiff(paragraphs.join("\n\n"), edited.join("\n\n"));
    expect(performance.now() - began).toBeLessThan(1_000);
    expect(parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["voted", "voted", "voted", "voted", "voted"]);
    expect(parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(Array(5).fill("did not vote"));
    expect(parts.filter((p) => !p.added).map((p) => p.value).join("")).toBe(paragraphs.join("\n\n"));
    expect(parts.filter((p) => !p.removed).map((p) => p.value).join("")).toBe(edited.join("\n\n"));
  });

  it("texts too far apart to compare within the budget show the changed stretch whole, still faithful to both", () => {
    const words = (seed: number, n: number) => Array.from({ length: n }, (_, i) => `w${(i * seed) % 9973}`).join(" ");
    const before = `Intro.\n\n${words(7, 12_000)}\n\nEnd.`;
    const after = `Intro.\n\n${words(13, 2_000)}\n\nEnd.`;
    const began = performance.now();
    const parts = wordDiff(before, after, 50);
    expect(performance.now() - began).toBeLessThan(1_000); // was: tens of seconds
    expect(parts.filter((p) => !p.added).map((p) => p.value).join("")).toBe(before);
    expect(parts.filter((p) => !p.removed).map((p) => p.value).join("")).toBe(after);
    expect(parts[0]).toEqual({ value: "Intro.\n\n" });
  });
});
