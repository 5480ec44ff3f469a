import { describe, expect, it } from "vitest";
import { editDistance, similarity } from "./edit-distance";

/** The textbook table, kept naive on purpose as the reference. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
    expect(editDistance("😀", "😃")).toBe(1);
  });

  it("agrees with the plain table on random strings, short (bit-parallel) and long", () => {
    let seed = 42;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const alphabet = ["a", "b", "c", " ", ".", "😀", "\n"];
    const word = (max: number) => Array.from({ length: Math.floor(random() * max) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    for (let i = 0; i < 2000; i++) {
      const a = word(i % 2 === 0 ? 20 : 45);
      const b = word(45);
      expect(editDistance(a, b), JSON.stringify([a, b])).toBe(reference(a, b));
    }
  });
});

describe("similarity", () => {
  it("is 1 for equal strings and falls with the share of edits", () => {
    expect(similarity("", "")).toBe(1);
    expect(similarity("abcd", "abcd")).toBe(1);
    expect(similarity("abcd", "abxd")).toBe(0.75);
    expect(similarity("abcd", "")).toBe(0);
  });
});
