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

  it("leaves compounds of two content words alone", () => {
    expect(marked(missingSpace, "The lockdown ended and a whistleblower spoke on the frontline livestream.")).toEqual([]);
  });

  it("leaves a word the newsroom dictionary knows", () => {
    expect(marked(missingSpace, "The shipyard's newsdesk answered.", ["newsdesk"])).toEqual([]);
  });
});
