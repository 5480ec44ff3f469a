import fc from "fast-check";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { englishNoSuggest, englishWords } from "./english";
import { frequencyFrom } from "./frequency";
import { soundKey } from "./sounds";
import { editCost, MAX_SUGGEST_LENGTH, suggestFrom } from "./suggest";

/** Plain optimal-string-alignment distance: the definition the weighted one must stay within. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe("editCost", () => {
  it("never exceeds the plain edit distance, is zero only for equal words, and gives up past its bound", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "e", "s", "f", "'"), maxLength: 8 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const cost = editCost(a, b, 100);
        expect(cost).toBeLessThanOrEqual(osa(a, b) + 1e-9);
        expect(cost === 0).toBe(a === b);
        expect(editCost(a, b, cost - 0.01)).toBe(Infinity);
      }),
      { numRuns: 400 },
    );
  });

  it("prices the slips people and scanners make below other edits", () => {
    expect(editCost("recieve", "receive", 2)).toBeLessThan(1); // swapped letters
    expect(editCost("ocured", "occured", 2)).toBeLessThan(1); // a doubled letter written once
    expect(editCost("fome", "some", 2)).toBeLessThan(1); // long s read as f
    expect(editCost("seperate", "separate", 2)).toBeLessThan(1); // one vowel for another
    expect(editCost("cat", "cxt", 2)).toBe(1);
  });

  it("prices a letter left out below a letter written in extra, a vowel left out lowest", () => {
    expect(editCost("brin", "brain", 2)).toBeLessThan(editCost("brain", "brin", 2));
    expect(editCost("chater", "chapter", 2)).toBeLessThan(1);
    expect(editCost("brin", "brain", 2)).toBeLessThan(editCost("chater", "chapter", 2));
  });
});

describe("soundKey", () => {
  it("gives words spelt by ear the key of the word meant", () => {
    expect(soundKey("exsaptible")).toBe(soundKey("acceptable"));
    expect(soundKey("fone")).toBe(soundKey("phone"));
    expect(soundKey("thier")).toBe(soundKey("their"));
    expect(soundKey("wunder")).toBe(soundKey("wonder"));
    expect(soundKey("capture")).not.toBe(soundKey("captain"));
  });
});

describe("suggestFrom", () => {
  const frequency = frequencyFrom([
    { word: "the", count: 1000 },
    { word: "few", count: 300 },
    { word: "law", count: 100 },
    { word: "fax", count: 2 },
    { word: "dart", count: 5 },
  ]);

  it("ranks the candidates by how common they are against the slips that reach them", () => {
    const words = new Set(["few", "fax", "law", "the", "thy"]);
    // "fax" and "law" are one plain slip from "faw"; "few" a vowel slip and far more common
    expect(suggestFrom("faw", words, 3, 2, { frequency })[0]).toBe("few");
    expect(suggestFrom("Teh", words, 1, 2, { frequency })).toEqual(["The"]);
  });

  it("never offers a NOSUGGEST word, and never a possessive for a word without an apostrophe", () => {
    const words = new Set(["darn", "dart", "dam's", "damp"]);
    expect(suggestFrom("darm", words, 3, 2, { frequency, noSuggest: new Set(["darn"]) })).not.toContain("darn");
    expect(suggestFrom("dams", words, 3, 2, { frequency })).not.toContain("dam's");
  });

  it("puts the word meant first for common real misspellings", () => {
    const words = englishWords();
    const options = { noSuggest: englishNoSuggest() };
    for (const [typo, meant] of [["goverment", "government"], ["recieve", "receive"], ["teh", "the"], ["wunder", "wonder"], ["beleive", "believe"], ["exsaptible", "acceptable"], ["acommodate", "accommodate"]]) {
      expect(suggestFrom(typo, words, 3, 2, options)[0], typo).toBe(meant);
    }
  });

  it("stays fast on gibberish and misspellings, and gives nothing for a token no word is that long", () => {
    const words = englishWords();
    suggestFrom("warm", words, 3, 2);
    const started = performance.now();
    for (let i = 0; i < 500; i++) suggestFrom(`q${(i * 7919).toString(36)}zxv`, words, 3, 2);
    for (const w of ["qwxzvbnt", "zzkqjxvw", "acomodate", "definately", "seperate", "occurence", "untill", "arguement"]) suggestFrom(w, words, 3, 2);
    // ~0.2 ms a word on an idle machine: a generous bound for a loaded one
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(suggestFrom("a".repeat(MAX_SUGGEST_LENGTH + 1), words, 3, 1)).toEqual([]);
  });

  it("keeps its index in a cache file: a later process reads the same index instead of building it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "suggest-index-"));
    const cacheFile = path.join(dir, "index.bin");
    const frequency = frequencyFrom([{ word: "the", count: 1000 }, { word: "few", count: 300 }, { word: "law", count: 100 }, { word: "fax", count: 2 }]);
    const list = ["few", "fax", "law", "the", "thy", "Colombia", "darn"];
    const queries = ["faw", "Teh", "colmbia", "drn"];
    const built = queries.map((q) => suggestFrom(q, new Set(list), 3, 2, { frequency, cacheFile, noSuggest: new Set(["darn"]) }));
    expect(existsSync(cacheFile)).toBe(true);
    // a new set (as in a new process) with no frequency at hand: only the file can give the same answers
    const read = queries.map((q) => suggestFrom(q, new Set(list), 3, 2, { cacheFile, frequency: frequencyFrom([{ word: "x", count: 1 }]) }));
    expect(read).toEqual(built);
    expect(read[0][0]).toBe("few");
    // a damaged file is rebuilt, not trusted
    writeFileSync(cacheFile, "not an index");
    expect(suggestFrom("faw", new Set(list), 3, 2, { frequency, cacheFile })[0]).toBe("few");
  });
});
