import { describe, expect, it } from "vitest";
import { compactForm, frequencyFrom, frequencyFromTable, wordFrequency } from "./frequency";
import { WordTable } from "./word-table";

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

  it("reads its compact cached form as the same model", () => {
    const list = [{ word: "The", count: 3 }, { word: "the", count: 7 }, { word: "didn", count: 4 }, { word: "mayor", count: 2 }];
    const [a, b] = [frequencyFrom(list), frequencyFromTable(WordTable.fromBuffer(compactForm(list).toBuffer())!)];
    expect(b.total).toBe(a.total);
    for (const w of ["the", "THE", "didn't", "mayor’s", "zorblax"]) expect(b.logProb(w)).toBe(a.logProb(w));
    expect(WordTable.fromBuffer(Buffer.from("not a table at all"))).toBeNull();
  });
});
