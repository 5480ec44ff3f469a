import { describe, expect, it } from "vitest";
import { contextFor } from "../testing";
import { isScareQuote } from "./find-quotes";

function quotes(text: string) {
  const ctx = contextFor(text);
  return ctx.quotes.map((q) => [text.slice(q.innerStart, q.innerEnd), q.title ? "title" : "quote"]);
}

describe("findQuotes", () => {
  it("pairs straight and curly quotation marks and skips apostrophes", () => {
    expect(quotes('Talks\n\nThe city’s mayor said it was "fine" and “good,” and the parents\' group called it ‘a mess’.')).toEqual([
      ["fine", "quote"],
      ["good,", "quote"],
      ["a mess", "quote"],
    ]);
  });

  it("knows titles and names in quotation marks from quotations", () => {
    const text = 'Book signed\n\nHe signed his book "The Art of the Deal" with the dedication "Gustavo: a great honor." and posted on \'X\'.';
    expect(quotes(text)).toEqual([
      ["The Art of the Deal", "title"],
      ["Gustavo: a great honor.", "quote"],
      ["X", "title"],
    ]);
  });

  it("reads no quotation in the attributes of markup left in the text", () => {
    const text = 'Ferry fares\n\nRiders posted their views.\n\n<post id="5512" author="@harborrider">Fares up again "for repairs"</post>.';
    expect(quotes(text)).toEqual([["for repairs", "quote"]]);
  });

  it("tells a term in quotation marks inside a sentence from a quoted statement", () => {
    const text = 'Ferry fares\n\nThe board calls it a "fare adjustment" for now. "We have no choice."\n\nThe "repairs" were late. He said it was "a bad year for everyone."';
    const ctx = contextFor(text);
    expect(ctx.quotes.map((q) => [text.slice(q.innerStart, q.innerEnd), isScareQuote(text, q)])).toEqual([
      ["fare adjustment", true],
      ["We have no choice.", false],
      ["repairs", true],
      ["a bad year for everyone.", false],
    ]);
  });

  it("closes a quotation on an opening curly mark typed where the closing one belongs", () => {
    expect(quotes("Ferry fares\n\n“It is unusual,“ said Tobias Wennerholm. “We agree.”")).toEqual([
      ["It is unusual,", "quote"],
      ["We agree.", "quote"],
    ]);
  });
});
