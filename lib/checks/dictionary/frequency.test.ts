import { describe, expect, it } from "vitest";
import { frequencyFrom, wordFrequency } from "./frequency";

describe("word frequency", () => {
  it("folds case, counts a contraction or possessive as its first part, and gives unseen words half a count", () => {
    const f = frequencyFrom([{ word: "The", count: 3 }, { word: "the", count: 7 }, { word: "didn", count: 4 }, { word: "mayor", count: 2 }]);
    expect(f.total).toBe(16);
    expect(f.count("THE")).toBe(10);
    expect(f.count("didn't")).toBe(4);
    expect(f.count("mayor’s")).toBe(2);
    expect(f.count("zorblax")).toBe(0);
    expect(f.logProb("zorblax")).toBeCloseTo(Math.log(0.5 / 16));
    expect(f.logProb("the")).toBeGreaterThan(f.logProb("mayor"));
  });

  it("loads the SUBTLEX counts once, common words far above rare ones", () => {
    const f = wordFrequency();
    expect(f).toBe(wordFrequency());
    expect(f.total).toBeGreaterThan(40_000_000);
    expect(f.count("the")).toBeGreaterThan(f.count("capture"));
    expect(f.count("capture")).toBeGreaterThan(0);
  });
});
