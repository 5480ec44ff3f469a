import { describe, expect, it } from "vitest";
import { contextFor, marked } from "../testing";
import { missingSpace } from "./missing-space";

describe("missing-space", () => {
  it("splits an unknown word into the likeliest dictionary words", () => {
    const [f] = missingSpace.run(contextFor("Crews finished thereplacement of two cables."));
    expect(f.exact).toBe("thereplacement");
    expect(f.replacement).toBe("the replacement");
    expect(f.message).toContain("there placement");
  });

  it("separates a caption from the agency credit glued onto it", () => {
    const text = "Leaders meet\n\nGustavo Petro and Donald Trump at the White House\n\nGustavo Petro and Donald Trump at the White HouseAFP";
    const f = missingSpace.run(contextFor(text)).find((x) => x.exact === "HouseAFP");
    expect(f?.replacement).toBe("House AFP");
    expect(f?.message).toContain("credit");
  });

  it("puts a space after a sentence's full stop", () => {
    expect(marked(missingSpace, "It adds two counsellors at the high school.It also cuts routes.")).toEqual(["school.It"]);
  });

  it("never splits known words, names, abbreviations, addresses or brands", () => {
    const text = [
      "McAllister met officials in Washington D.C. and the U.S. capital on Monday.",
      "McAllister wrote to press@harborgazette.com and posted at https://example.org/theplan via @harborgazette.",
      "The firm uses LinkedIn and YouTube, and Voz.us reported it.",
    ].join("\n\n");
    expect(marked(missingSpace, text)).toEqual([]);
  });

  it("splits a lower-case run-together word every time the article repeats it", () => {
    const text = "Vote count\n\nThe council delayed thecapture of votes.\n\nCritics said thecapture of votes was late.";
    expect(marked(missingSpace, text)).toEqual(["thecapture", "thecapture"]);
  });

  it("leaves compounds of two content words alone", () => {
    expect(marked(missingSpace, "The lockdown ended and a whistleblower spoke on the frontline livestream.")).toEqual([]);
  });

  it("splits two content words English writes apart: a Latinate-derived word the dictionary never joins into a compound", () => {
    const found = missingSpace.run(contextFor("Ministers agreed to step upmilitary aid, and an internationalcoalition met the federalgovernment on Friday."));
    expect(found.map((f) => [f.exact, f.replacement])).toEqual([
      ["upmilitary", "up military"],
      ["internationalcoalition", "international coalition"],
      ["federalgovernment", "federal government"],
    ]);
  });

  it("leaves compounds, prefixed words and Latinate words the dictionary does join", () => {
    // "drugmaker", "gunfire": native compounds; "overregulation", "midsession": prefixes the dictionary puts before Latinate words
    const text = "The drugmakers faced overregulation, a midsession vote and a gamechanger after the roadblock.";
    expect(marked(missingSpace, text)).toEqual([]);
  });

  it("leaves a word the newsroom dictionary knows", () => {
    expect(marked(missingSpace, "The shipyard's newsdesk answered.", ["newsdesk"])).toEqual([]);
  });

  it("finds capitalised joins, joins onto a name, several lost spaces, and words glued to numbers", () => {
    const text = [
      "Thisproblem came up at the meeting, and nobody eversaw the plan.",
      "The clerk wrote to ofHarbury council about andthebudget for section4 of the plan.",
    ].join("\n\n");
    const found = missingSpace.run(contextFor(text)).map((f) => [f.exact, f.replacement]);
    expect(found).toEqual([
      ["Thisproblem", "This problem"],
      ["eversaw", "ever saw"],
      ["ofHarbury", "of Harbury"],
      ["andthebudget", "and the budget"],
      ["section4", "section 4"],
    ]);
  });

  it("splits off a function word from a damaged word nothing is one slip from, but leaves a misspelling to the typo rule", () => {
    expect(missingSpace.run(contextFor("The old printe said it was wrytenhere in the book."))[0]?.replacement).toBe("wryten here");
    expect(marked(missingSpace, "The mayor said it was becuase of the rain.")).toEqual([]);
  });

  it("leaves derivations, words in everyday use, names and units alone", () => {
    const text = [
      "The team overperformed and the report was overhyped amidst the noise.",
      "Andrew Smith and Theresa Hale met at 4pm in 2016 about the 10km race.",
    ].join("\n\n");
    expect(marked(missingSpace, text)).toEqual([]);
  });

  it("reads function words glued between capitals, and leaves brands and names that only contain their letters", () => {
    const text = [
      "Notice\n\nThe BankofEngland and TheBRIDGE at the TheATRE ROYAL in SEVILLEofSPAIN sent a NOTICEonan old sheet.",
      "ExxonMobil, LinkedIn, McDonald's, LaGuardia and the WashingtonPost stayed put.",
      "Mara Holt founded HoltBooks.",
    ].join("\n\n");
    expect(missingSpace.run(contextFor(text)).map((f) => [f.exact, f.replacement])).toEqual([
      ["BankofEngland", "Bank of England"],
      ["TheBRIDGE", "The BRIDGE"],
      ["SEVILLEofSPAIN", "SEVILLE of SPAIN"],
      ["NOTICEonan", "NOTICE on an"],
    ]);
  });

  it("splits off a damaged word between a function word and a known word", () => {
    expect(missingSpace.run(contextFor("The printer set it in awrytyngmanner of his own."))[0]?.replacement).toBe("a wrytyng manner");
  });
});
