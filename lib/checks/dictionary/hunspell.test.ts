import { describe, expect, it } from "vitest";
import { expandHunspell, expandHunspellWithFlags } from "./hunspell";

const AFF = `SET UTF-8
PFX A Y 1
PFX A   0     re         .

SFX D Y 3
SFX D   0     d          e
SFX D   y     ied        [^aeiou]y
SFX D   0     ed         [^ey]

SFX M Y 1
SFX M   0     's         .
`;

describe("expandHunspell", () => {
  it("applies suffixes by their conditions, prefixes, and both together where the flags allow", () => {
    const words = expandHunspell(AFF, "3\ncapture/AD\ncarry/D\nPetro/M\n");
    expect([...words].sort()).toEqual(["Petro", "Petro's", "capture", "captured", "carried", "carry", "recapture", "recaptured"].sort());
  });

  it("skips numbers and blank lines", () => {
    expect([...expandHunspell(AFF, "2\n1st\n\nword\n")]).toEqual(["word"]);
  });
});

describe("expandHunspellWithFlags", () => {
  it("keeps NOSUGGEST forms as words but lists them apart, and drops FORBIDDENWORD forms", () => {
    const aff = `${AFF}\nNOSUGGEST !\nFORBIDDENWORD ?\n`;
    const { words, noSuggest } = expandHunspellWithFlags(aff, "3\ndarn/D!\ncarry/D\ncarryed/?\n");
    expect(words.has("darned") && words.has("darn")).toBe(true);
    expect([...noSuggest].sort()).toEqual(["darn", "darned"]);
    expect(words.has("carryed")).toBe(false);
    expect(words.has("carried")).toBe(true);
  });
});
