import { describe, expect, it } from "vitest";
import { gluesFunctionWord, splitRunTogether } from "./split-words";

const has = (w: string) => ["the", "there", "capture", "replacement", "placement", "and", "sprinklers", "of", "in", "a", "ca", "pt"].includes(w);

describe("splitRunTogether", () => {
  it("reads a run-together word as words, longest part first on a choice", () => {
    expect(splitRunTogether("thecapture", has)).toEqual([["the", "capture"]]);
    expect(splitRunTogether("thereplacement", has)[0]).toEqual(["the", "replacement"]);
    expect(splitRunTogether("thereplacement", has)[1]).toEqual(["there", "placement"]);
  });

  it("tries three words when two will not do, and refuses stray short fragments", () => {
    expect(splitRunTogether("andthecapture", has)[0]).toEqual(["and", "the", "capture"]);
    expect(splitRunTogether("capt", has)).toEqual([]);
  });

  it("tells a lost space (a function word glued on) from a compound", () => {
    expect(gluesFunctionWord(["the", "capture"])).toBe(true);
    expect(gluesFunctionWord(["lock", "down"])).toBe(false);
  });
});
