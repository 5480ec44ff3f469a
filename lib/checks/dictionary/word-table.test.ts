import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WordTable } from "./word-table";

describe("WordTable", () => {
  it("is the set of its words, with a number each, and reads back from its bytes the same", () => {
    const words = ["the", "The", "colour", "résumé", "don't", "", "naïve"];
    const table = WordTable.from([...words, "the"], (w) => w.length);
    const read = WordTable.fromBuffer(table.toBuffer())!;
    for (const t of [table, read]) {
      expect(t.size).toBe(words.length);
      expect([...t]).toEqual(words);
      for (const w of words) expect(t.has(w)).toBe(true);
      for (const w of ["THE", "colours", "resume", "don", "x"]) expect(t.has(w)).toBe(false);
      expect(t.numberOf("résumé")).toBe(6);
      expect(t.numberOf("zzz", -1)).toBe(-1);
    }
  });

  it("answers as a Set does for any words", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "é", "'", "Z"), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.array(word, { maxLength: 20 }), (inside, asked) => {
        const set = new Set(inside);
        const table = WordTable.fromBuffer(WordTable.from(inside).toBuffer())!;
        expect(table.size).toBe(set.size);
        for (const w of [...inside, ...asked]) expect(table.has(w)).toBe(set.has(w));
      }),
      { numRuns: 200 },
    );
  });

  it("refuses bytes that are not a table, or a table cut short", () => {
    const bytes = WordTable.from(["a", "b"]).toBuffer();
    expect(WordTable.fromBuffer(Buffer.from("not a table at all"))).toBeNull();
    expect(WordTable.fromBuffer(bytes.subarray(0, bytes.length - 1))).toBeNull();
  });
});
