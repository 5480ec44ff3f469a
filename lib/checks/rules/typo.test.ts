import { describe, expect, it } from "vitest";
import { contextFor, marked } from "../testing";
import { keepsAccentedLetters, typo } from "./typo";

describe("typo", () => {
  it("flags a misspelled word with suggestions", () => {
    const [f] = typo.run(contextFor("The council said the goverment would pay for the repairs."));
    expect(f.exact).toBe("goverment");
    expect(f.replacement).toBe("government");
    expect(f.message).toContain('"government"');
  });

  it("treats names as names: multi-word, used consistently, or one-off capitalised words mid-sentence", () => {
    const text = [
      "Officials met Nicolás Maduro and Senator Bernie Moreno in Caracas.",
      "Later, Maduro's aides and Moreno spoke with Petro. Petro left early.",
      "The delegation flew to Zyxwvu on Tuesday.",
    ].join("\n\n");
    expect(marked(typo, text)).toEqual([]);
  });

  it("accepts contractions, possessives, curly apostrophes, acronyms, numbers and hyphenated compounds", () => {
    expect(marked(typo, "We didn’t know the city's AFP crew met face-to-face in 2025 at 4pm.")).toEqual([]);
  });

  it("suspects a capitalised word only at a sentence start and one slip from a word", () => {
    expect(marked(typo, "Teh mayor spoke. Zorblax Industries replied.")).toEqual(["Teh"]);
  });

  it("adds the newsroom dictionary", () => {
    expect(marked(typo, "The geofence was deplatformed.")).toEqual(["geofence", "deplatformed"]);
    expect(marked(typo, "The geofence was deplatformed.", ["geofence", "deplatformed"])).toEqual([]);
  });

  it("leaves run-together words to the missing-space rule, and compounds of dictionary words alone", () => {
    expect(marked(typo, "They protected their homes with hoses andsprinklers during the lockdown.")).toEqual([]);
  });

  it("leaves pieces of hyphenated names and words, name particles and words in everyday use", () => {
    const text = [
      "Officials said al-Harbi and Maria de la Fuente met the pre-emptive committee in a tour de force.",
      "The judgement was made amidst the protestors, the mayor said.",
    ].join("\n\n");
    expect(marked(typo, text)).toEqual([]);
  });

  it("reads a capitalised word after a title's full stop as a name, not a sentence start", () => {
    expect(marked(typo, "The meeting opened. Former Gov. Zeb Marlow spoke first.")).toEqual([]);
  });

  it("accepts British spellings in a British article, and flags them where the article also writes the US form", () => {
    expect(marked(typo, "The colour of the flag was criticised by the council.")).toEqual([]);
    expect(marked(typo, "The colour of the flag and the color of the sky were discussed.")).toEqual(["colour"]);
    expect(marked(typo, "The plan was criticised, and the mayor criticized it again.")).toEqual(["criticised"]);
  });

  it("accepts regular derivations of dictionary words, but not the misspellings that look like one", () => {
    expect(marked(typo, "The unvetted plan was reframed by funders and ramped up presumptively; renewables and tuitions rose.")).toEqual([]);
    expect(marked(typo, "It occured when the untill stoped at the begining.")).toEqual(["occured", "untill", "stoped", "begining"]);
  });

  it("takes a two-letter token for a word only when everyday English uses it thousands of times", () => {
    // subtitles count "ot" and "hy" a hundred times or so: what a scanner makes of "of" and "by"
    expect(marked(typo, "The ruins ot the old mill stood hy the river. It was ok, the tv crew said.")).toEqual(["ot", "hy"]);
  });

  it("never flags a word of another script: an English dictionary has nothing to say about it", () => {
    const text = [
      "Crowds chanted الله أكبر outside the embassy, and a banner read слава героям in red.",
      "The café sign said ευχαριστώ, the menu listed שלום and 北京烤鸭, and a poster read नमस्ते.",
    ].join("\n\n");
    expect(marked(typo, text)).toEqual([]);
    // a Latin word beside them is still read
    expect(marked(typo, "The crowd chanted الله أكبر and the goverment replied.")).toEqual(["goverment"]);
    // one Cyrillic letter in a Latin word (a homoglyph from OCR or a paste) is damage, not another script
    expect(marked(typo, "The g\u043evernment said so.")).toEqual(["g\u043evernment"]);
  });

  it("accepts a loanword whose accents the dictionary leaves off, in either number", () => {
    // the dictionary lists "crudites" but not "crudite"; "entree", "jalapeno", "protege" without accents
    expect(marked(typo, "The buffet offered a crudité platter, crudités, entrées, jalapeños and a protégé's cake.")).toEqual([]);
  });

  it("offers no correction for an accented word that only drops its accented letters for another word", () => {
    expect(keepsAccentedLetters("crudité", "credit")).toBe(false);
    expect(keepsAccentedLetters("crudité", "crudity")).toBe(false);
    expect(keepsAccentedLetters("niño", "no")).toBe(false);
    expect(keepsAccentedLetters("brulée", "brute")).toBe(false);
    expect(keepsAccentedLetters("niño", "nine")).toBe(false);
    expect(keepsAccentedLetters("méchant", "merchant")).toBe(false);
    expect(keepsAccentedLetters("jalapeñnos", "jalapenos")).toBe(false);
    expect(keepsAccentedLetters("señorrita", "senorita")).toBe(true);
    expect(keepsAccentedLetters("jallapeños", "jalapenos")).toBe(true);
    expect(keepsAccentedLetters("jalapeñoes", "jalapenos")).toBe(true);
    // a made-up accented word: flagged as unknown, but no fix that throws its accent away
    const found = typo.run(contextFor("The chef served a plate of zurdité with the soup."));
    expect(found.map((f) => f.exact)).toEqual(["zurdité"]);
    for (const f of found) if (f.replacement) expect(keepsAccentedLetters("zurdité", f.replacement)).toBe(true);
    // a slip in the plain letters of an accented word is still corrected, keeping what the accent tells
    const [slip] = typo.run(contextFor("The chef served jallapeños with the soup."));
    expect(slip?.replacement?.normalize("NFD").replace(/\p{M}/gu, "")).toBe("jalapenos");
  });
});
