import { describe, expect, it } from "vitest";
import { gluesFunctionWord, splitRunTogether } from "./split-words";

const has = (w: string) => ["was", "the", "there", "capture", "replacement", "placement", "and", "sprinklers", "of", "in", "a", "ca", "pt", "section", "table", "here", "must", "lands", "I", "this", "problem"].includes(w);

describe("splitRunTogether", () => {
  it("reads a run-together word as its likeliest words, the runner-up after it", () => {
    expect(splitRunTogether("thecapture", has)).toEqual([["the", "capture"]]);
    expect(splitRunTogether("thereplacement", has)[0]).toEqual(["the", "replacement"]);
    expect(splitRunTogether("thereplacement", has)[1]).toEqual(["there", "placement"]);
  });

  it("finds two or more lost spaces, and refuses stray short or rare fragments", () => {
    expect(splitRunTogether("andthecapture", has)[0]).toEqual(["and", "the", "capture"]);
    expect(splitRunTogether("capt", has)).toEqual([]);
  });

  it("splits a capitalised join on its lower-case words, and letters from digits", () => {
    expect(splitRunTogether("Thisproblem", has)[0]).toEqual(["This", "problem"]);
    expect(splitRunTogether("section4", has)[0]).toEqual(["section", "4"]);
    expect(splitRunTogether("56Table", has)[0]).toEqual(["56", "Table"]);
  });

  it("allows one unknown piece beside a function word only when asked (damaged text)", () => {
    expect(splitRunTogether("tbyngehere", has)).toEqual([]);
    expect(splitRunTogether("tbyngehere", has, { unknownPiece: true })).toEqual([["tbynge", "here"]]);
    // the longer known word wins over a shorter one with a longer unknown remainder
    expect(splitRunTogether("andnourifh", has, { unknownPiece: true })).toEqual([["and", "nourifh"]]);
    // no function word: an unknown word with a word inside, not two words
    expect(splitRunTogether("sectionxyzzy", has, { unknownPiece: true })).toEqual([]);
    // a function word, the damaged word and a known word after it: three pieces
    expect(splitRunTogether("thecastelwas", has, { unknownPiece: true })[0]).toEqual(["the", "castel", "was"]);
  });

  it("stays linear: a long token of glued words splits in milliseconds", () => {
    const started = performance.now();
    expect(splitRunTogether("the".repeat(15), has)[0]).toHaveLength(15);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("tells a lost space (a function word glued on) from a compound", () => {
    expect(gluesFunctionWord(["the", "capture"])).toBe(true);
    expect(gluesFunctionWord(["lock", "down"])).toBe(false);
  });
});
