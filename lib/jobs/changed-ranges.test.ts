import { describe, expect, it } from "vitest";
import { changedRanges, touches } from "./changed-ranges";

const doc = (...paras: string[]) => {
  const text = paras.join("\n\n");
  let at = 0;
  const blocks = paras.map((p) => {
    const b = { kind: "paragraph" as const, start: at, end: at + p.length };
    at += p.length + 2;
    return b;
  });
  return { text, blocks };
};

describe("changedRanges", () => {
  it("names only the paragraphs whose words changed, at their new offsets", () => {
    const before = doc("One para.", "Two para.", "Three para.");
    const after = doc("One paragraph.", "Two para.", "Three para!");
    expect(changedRanges(before, after)).toEqual([after.blocks[0], after.blocks[2]].map(({ start, end }) => ({ start, end })));
  });

  it("a moved paragraph is unchanged; a duplicated one is new", () => {
    const before = doc("A.", "B.");
    expect(changedRanges(before, doc("B.", "A."))).toEqual([]);
    const dup = doc("A.", "A.", "B.");
    expect(changedRanges(before, dup)).toEqual([{ start: dup.blocks[1].start, end: dup.blocks[1].end }]);
  });

  it("a relabelled block (same words, new kind) counts as changed", () => {
    const before = doc("Title");
    const after = { ...before, blocks: [{ ...before.blocks[0], kind: "headline" as const }] };
    expect(changedRanges(before, after)).toHaveLength(1);
  });
});

describe("touches", () => {
  const ranges = [{ start: 10, end: 20 }];
  it("overlap, not adjacency, for findings with a length", () => {
    expect(touches(ranges, 15, 25)).toBe(true);
    expect(touches(ranges, 5, 10)).toBe(false);
    expect(touches(ranges, 20, 22)).toBe(false);
  });
  it("an empty finding at either edge of a changed paragraph counts", () => {
    expect(touches(ranges, 20, 20)).toBe(true);
    expect(touches(ranges, 10, 10)).toBe(true);
    expect(touches(ranges, 21, 21)).toBe(false);
  });
});
