import { describe, expect, it } from "vitest";
import { marked } from "../testing";
import { quoteAttribution } from "./quote-attribution";

describe("quote-attribution", () => {
  it("flags a quote with no speaker, and a vague source", () => {
    const text = 'Vote ends\n\nThe results were "a disaster for everyone" and the plan was called "bold" by observers.';
    expect(marked(quoteAttribution, text)).toEqual(['"a disaster for everyone"', 'called "bold" by observers']);
  });

  it("accepts a headline quote the body repeats, and attributed quotes", () => {
    const text = '"We will win": mayor confident\n\nMayor Ruth Okafor spoke on Monday. "We will win," Okafor said.';
    expect(marked(quoteAttribution, text)).toEqual([]);
  });

  it("does not treat titles as quotes", () => {
    expect(marked(quoteAttribution, 'Book signed\n\nHe signed his book "The Art of the Deal" and posted on the network \'X\'.')).toEqual([]);
  });

  it("does not ask who said a term held in quotation marks inside a sentence", () => {
    const text = 'Ferry fares\n\nThe board approved what it calls a "fare adjustment" on Monday, and riders called the "temporary" rise permanent.';
    expect(marked(quoteAttribution, text)).toEqual([]);
  });
});
