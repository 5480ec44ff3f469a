import { describe, expect, it } from "vitest";
import { marked } from "../testing";
import { unbalancedQuotes } from "./unbalanced-quotes";

describe("unbalanced-quotes", () => {
  it("finds a quotation that is never closed", () => {
    expect(marked(unbalancedQuotes, 'She called it “a disgrace and left.')).toEqual(["“a"]);
  });

  it("allows a quotation that continues into the next paragraph, and balanced ones", () => {
    const text = 'Title\n\n"We will rebuild the bridge.\n\n"And we will do it by March," she said.\n\nHe called it "fine" and “good”.';
    expect(marked(unbalancedQuotes, text)).toEqual([]);
  });

  it("allows a quotation a line break cut in two, and ignores markup attributes", () => {
    const text = 'Title\n\n"We waited ten years for this bridge.\nTobias Wennerholm, board chair."\n\nRiders wrote <post author="@harborrider">fares up</post>.';
    expect(marked(unbalancedQuotes, text)).toEqual([]);
  });
});
