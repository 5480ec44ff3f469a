import { describe, expect, it } from "vitest";
import { englishWords } from "./english";
import { SpellDictionary } from "./spell";

describe("SpellDictionary", () => {
  const dictionary = new SpellDictionary(new Set(["the", "capture", "Colombia", "city", "city's", "didn't"]), ["Voz"]);

  it("knows case variants, possessives, curly apostrophes and the newsroom's words", () => {
    for (const w of ["The", "THE", "Capture", "Colombia", "Colombia's", "city’s", "didn’t", "Voz", "voz"]) expect(dictionary.knows(w), w).toBe(true);
    for (const w of ["colombia", "thecapture", "Vox"]) expect(dictionary.knows(w), w).toBe(false);
  });

  it("suggests dictionary words near a misspelling, keeping its case", () => {
    expect(dictionary.suggest("captrue")).toEqual(["capture"]);
    expect(dictionary.suggest("Colmbia")).toEqual(["Colombia"]);
    expect(dictionary.suggest("Teh")).toEqual(["The"]);
  });
});

describe("englishWords", () => {
  it("loads the US English dictionary once, with inflected forms", () => {
    const words = englishWords();
    expect(words).toBe(englishWords());
    expect(words.size).toBeGreaterThan(100_000);
    for (const w of ["capture", "captured", "reconfiguration", "weren't", "Colombia", "Venezuela", "counselors"]) expect(words.has(w), w).toBe(true);
  });
});
