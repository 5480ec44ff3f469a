import { describe, expect, it } from "vitest";
import { contextFor } from "../testing";

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
});
