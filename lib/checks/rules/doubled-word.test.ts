import { describe, expect, it } from "vitest";
import { marked } from "../testing";
import { doubledWord } from "./doubled-word";

describe("doubled-word", () => {
  it("finds a word written twice, whatever its case", () => {
    expect(marked(doubledWord, "The the council met. She said the the plan was good.")).toEqual(["The the", "the the"]);
  });

  it("allows doubles English uses and never joins across blocks", () => {
    expect(marked(doubledWord, "He had had enough. He said that that was that.\n\nthat")).toEqual([]);
  });

  it("allows doubles said for emphasis, a word beside a name that shares its letters, and markup", () => {
    const text = 'It was very very close, she said. They wanted to trump Trump on fares.\n\n<post post-id="77"><post/>.';
    expect(marked(doubledWord, text)).toEqual([]);
  });
});
