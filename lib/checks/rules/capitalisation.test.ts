import { describe, expect, it } from "vitest";
import { contextFor, marked } from "../testing";
import { capitalisation } from "./capitalisation";

describe("capitalisation", () => {
  it("prefers the article's majority form", () => {
    const text = "Drivers crossed the Harbor Bridge.\n\nThe Harbor Bridge reopened, and the Harbor Bridge was busy, but across The Harbor Bridge traffic slowed.";
    const [f, ...rest] = capitalisation.run(contextFor(text));
    expect(rest).toEqual([]);
    expect([f.exact, f.replacement, f.start]).toEqual(["The", "the", text.indexOf("The Harbor Bridge traffic")]);
    expect(f.message).toContain('"the Harbor Bridge" (2×)');
  });

  it("finds a phrase capitalised two ways", () => {
    const text = "The Harbor Bridge closed.\n\nCrews on the Harbor Bridge worked, the Harbor Bridge shook and the harbor bridge held.";
    expect(marked(capitalisation, text)).toEqual(["harbor bridge"]);
  });

  it("does not count sentence starts, quoted titles or a duplicate caption", () => {
    const text = [
      "Leaders met at the White House",
      "Trump at The White House",
      "Trump at The White House",
      "AFP",
      'The White House said so. He read "The White House Years" at the White House.',
    ].join("\n\n");
    expect(marked(capitalisation, text)).toEqual(["The"]);
  });

  it("reads no style from Title Case subheads, capitals for emphasis, or a phrase inside a longer name", () => {
    const text = [
      "Ferry fares rise",
      "The board raised fares on Monday.",
      "Riders Speak Up About The Fare Rise",
      "RIDERS SPEAK UP ABOUT THE FARE RISE - riders said the fare rise hurt.",
      "The Fair Fare Rise Coalition met, and the fare rise stayed.",
    ].join("\n\n");
    expect(marked(capitalisation, text)).toEqual([]);
  });
});
