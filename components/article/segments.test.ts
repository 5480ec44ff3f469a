import { describe, expect, it } from "vitest";
import { segmentsFor, withBadgeEnds } from "./segments";

// "Headline\n\nShare this\n\nBody text": blocks [0,8) [10,20) [22,31)
const blocks = [
  { start: 0, end: 8 },
  { start: 10, end: 20 },
  { start: 22, end: 31 },
];
const badges = (ranges: { id: string; start: number; end: number }[]) =>
  blocks.flatMap((b) => segmentsFor(b.start, b.end, withBadgeEnds(ranges, blocks)).flatMap((s) => s.endingHere.map((id) => `${id}@${s.end}`)));

describe("where a mark's badge goes", () => {
  it("at the mark's end when that is inside a block", () => {
    expect(badges([{ id: "a", start: 12, end: 15 }])).toEqual(["a@15"]);
  });

  it("a whole-block deletion that takes the blank line after it: at the end of its block", () => {
    expect(badges([{ id: "junk", start: 10, end: 22 }])).toEqual(["junk@20"]);
  });

  it("one that takes the blank line before it, or runs past the last block: where its text ends", () => {
    expect(badges([{ id: "dup", start: 8, end: 20 }, { id: "tail", start: 20, end: 33 }])).toEqual(["dup@20", "tail@31"]);
  });

  it("every mark has exactly one badge", () => {
    const ranges = [
      { id: "a", start: 0, end: 10 },
      { id: "b", start: 8, end: 22 },
      { id: "c", start: 22, end: 31 },
      { id: "d", start: 5, end: 25 },
    ];
    expect(badges(ranges).map((b) => b.split("@")[0]).sort()).toEqual(["a", "b", "c", "d"]);
  });
});
