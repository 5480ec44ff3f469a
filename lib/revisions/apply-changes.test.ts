import { describe, expect, it } from "vitest";
import type { Block, BlockKind, ParsedArticle } from "@/lib/ingest/blocks";
import { validateParsed } from "@/lib/ingest/validate-parsed";
import { applyChanges, type ApplyResult, type TextChange } from "./apply-changes";

/** Lines joined by a blank line; within a line, [kind, text] blocks with optional gap strings between them. */
function article(...lines: (readonly ([BlockKind, string] | string)[])[]): ParsedArticle {
  let text = "";
  const blocks: Block[] = [];
  lines.forEach((line, i) => {
    if (i > 0) text += "\n\n";
    for (const part of line) {
      if (typeof part === "string") {
        text += part;
        continue;
      }
      blocks.push({ kind: part[0], start: text.length, end: text.length + part[1].length });
      text += part[1];
    }
  });
  return { text, blocks };
}

const STORY = article(
  [["outlet", "Example News"]],
  [["headline", "Leaders meet at summit"]],
  [["caption", "The leaders at the White House"], ["credit", "AFP"]],
  [["caption", "The leaders at the White House"]],
  [["paragraph", "The talks began on Monday."]],
  [["paragraph", "They ended on Tuesday."]],
);

function at(text: string, quote: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`test fixture lacks ${quote}`);
  return { start, end: start + quote.length };
}

function change(id: string, text: string, quote: string, replacement: string, from = 0): TextChange {
  return { id, ...at(text, quote, from), replacement };
}

function applied(result: ApplyResult) {
  if (!result.ok) throw new Error(`unexpected conflicts ${JSON.stringify(result.conflicts)}`);
  validateParsed({ text: result.text, blocks: result.blocks });
  return { ...result, parts: result.blocks.map((b) => [b.kind, result.text.slice(b.start, b.end)]) };
}

describe("applyChanges: conflicts", () => {
  const { text, blocks } = STORY;
  const talks = at(text, "talks began");

  it("reports every overlapping pair and applies nothing", () => {
    const changes: TextChange[] = [
      { id: "shares-a-char", start: talks.start, end: talks.end, replacement: "meeting began" },
      { id: "overlaps-it", start: talks.end - 5, end: talks.end + 3, replacement: "x" },
      { id: "insert-inside", start: talks.start + 2, end: talks.start + 2, replacement: "!" },
      { id: "insert-twice-1", start: 3, end: 3, replacement: "a" },
      { id: "insert-twice-2", start: 3, end: 3, replacement: "b" },
      { id: "fine", start: 0, end: 1, replacement: "e" },
    ];
    const result = applyChanges(text, blocks, changes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.conflicts).toEqual([
      { a: "insert-twice-1", b: "insert-twice-2" },
      { a: "shares-a-char", b: "insert-inside" },
      { a: "shares-a-char", b: "overlaps-it" },
    ]);
    expect(result).not.toHaveProperty("text");
  });

  it("accepts changes that only touch: adjacent ranges and insertions at a range's edges", () => {
    const r = applied(
      applyChanges(text, blocks, [
        { id: "a", start: talks.start, end: talks.start + 5, replacement: "meeting" },
        { id: "b", start: talks.start + 5, end: talks.end, replacement: " started" },
        { id: "before", start: talks.start, end: talks.start, replacement: "[" },
        { id: "after", start: talks.end, end: talks.end, replacement: "]" },
      ]),
    );
    expect(r.text).toContain("The [meeting started] on Monday.");
  });

  it("throws for ranges outside the text, reversed, fractional or splitting a surrogate pair", () => {
    const emoji = "a😀b";
    const one = (start: number, end: number) => [{ id: "x", start, end, replacement: "" }];
    const block: Block[] = [{ kind: "paragraph", start: 0, end: 4 }];
    expect(() => applyChanges(emoji, block, one(-1, 1))).toThrow(/inside the text/);
    expect(() => applyChanges(emoji, block, one(3, 5))).toThrow(/inside the text/);
    expect(() => applyChanges(emoji, block, one(2, 1))).toThrow(/inside the text/);
    expect(() => applyChanges(emoji, block, one(0.5, 1))).toThrow(/inside the text/);
    expect(() => applyChanges(emoji, block, one(2, 3))).toThrow(/surrogate/);
    expect(() => applyChanges(emoji, block, one(1, 2))).toThrow(/surrogate/);
  });
});

describe("applyChanges: text and blocks", () => {
  const { text, blocks } = STORY;

  it("deletes text inside a block and shortens only that block", () => {
    const r = applied(applyChanges(text, blocks, [change("d", text, " on Monday", "")]));
    expect(r.parts[5]).toEqual(["paragraph", "The talks began."]);
    expect(r.parts[6]).toEqual(["paragraph", "They ended on Tuesday."]);
    expect(r.text.length).toBe(text.length - " on Monday".length);
  });

  it("gives an insertion at a block's edge to that block", () => {
    const r = applied(
      applyChanges(text, blocks, [
        { id: "end-of-headline", start: at(text, "summit").end, end: at(text, "summit").end, replacement: " in Geneva" },
        { id: "start-of-paragraph", start: at(text, "They").start, end: at(text, "They").start, replacement: "Finally, " },
      ]),
    );
    expect(r.parts[1]).toEqual(["headline", "Leaders meet at summit in Geneva"]);
    expect(r.parts[6]).toEqual(["paragraph", "Finally, They ended on Tuesday."]);
  });

  it("splits a fix across the caption/credit boundary at what the two texts share", () => {
    const r = applied(applyChanges(text, blocks, [change("space", text, "HouseAFP", "House AFP")]));
    expect(r.text).toContain("The leaders at the White House AFP\n\n");
    expect(r.parts.slice(2, 4)).toEqual([
      ["caption", "The leaders at the White House"],
      ["credit", "AFP"],
    ]);
    expect(r.text.slice(r.blocks[2].end, r.blocks[3].start)).toBe(" ");
  });

  it("gives an insertion where caption and credit meet to the caption", () => {
    const boundary = at(text, "AFP").start;
    const r = applied(applyChanges(text, blocks, [{ id: "dot", start: boundary, end: boundary, replacement: "." }]));
    expect(r.parts.slice(2, 4)).toEqual([
      ["caption", "The leaders at the White House."],
      ["credit", "AFP"],
    ]);
  });

  it("gives a replacement sharing nothing with a boundary it crosses to the earlier block", () => {
    const r = applied(applyChanges(text, blocks, [change("swap", text, "HouseAFP", "Palace")]));
    expect(r.parts[2]).toEqual(["caption", "The leaders at the White Palace"]);
    expect(r.parts.map(([kind]) => kind)).not.toContain("credit");
  });

  it("gives the earlier block a replacement that runs from a gap into the next block and shares nothing", () => {
    const from = blocks[5].end;
    const r = applied(applyChanges(text, blocks, [{ id: "x", start: from, end: from + "\n\nThey".length, replacement: " - it" }]));
    expect(r.parts.slice(5)).toEqual([
      ["paragraph", "The talks began on Monday. - it"],
      ["paragraph", "ended on Tuesday."],
    ]);
  });

  it("keeps a change inside the credit in the credit, even next to the caption", () => {
    const credit = at(text, "AFP");
    const r = applied(applyChanges(text, blocks, [{ id: "c", ...credit, replacement: "©AFP" }]));
    expect(r.parts.slice(2, 4)).toEqual([
      ["caption", "The leaders at the White House"],
      ["credit", "©AFP"],
    ]);
  });

  it("deleting the duplicated caption block leaves one blank line between its neighbours", () => {
    const duplicate = blocks[4];
    const r = applied(applyChanges(text, blocks, [{ id: "dup", start: duplicate.start, end: duplicate.end, replacement: "" }]));
    expect(r.text).toBe("Example News\n\nLeaders meet at summit\n\nThe leaders at the White HouseAFP\n\nThe talks began on Monday.\n\nThey ended on Tuesday.");
    expect(r.parts.map(([kind]) => kind)).toEqual(["outlet", "headline", "caption", "credit", "paragraph", "paragraph"]);
  });

  it("deleting a block together with its separator does not remove a second one", () => {
    const duplicate = blocks[4];
    const r = applied(applyChanges(text, blocks, [{ id: "dup", start: duplicate.start, end: duplicate.end + 2, replacement: "" }]));
    expect(r.text).toContain("HouseAFP\n\nThe talks began");
    expect(r.blocks).toHaveLength(6);
  });

  it("deleting the first or the last block leaves no separator at the text's edges", () => {
    const first = blocks[0];
    const last = blocks[blocks.length - 1];
    const r = applied(
      applyChanges(text, blocks, [
        { id: "first", start: first.start, end: first.end, replacement: "" },
        { id: "last", start: last.start, end: last.end, replacement: "" },
      ]),
    );
    expect(r.text.startsWith("Leaders meet")).toBe(true);
    expect(r.text.endsWith("on Monday.")).toBe(true);
    expect(r.blocks).toHaveLength(5);
  });

  it("deleting a caption that shares its line with a credit leaves the credit on its own line", () => {
    const caption = blocks[2];
    const r = applied(applyChanges(text, blocks, [{ id: "cap", start: caption.start, end: caption.end, replacement: "" }]));
    expect(r.text).toContain("summit\n\nAFP\n\nThe leaders");
    expect(r.parts[2]).toEqual(["credit", "AFP"]);
  });

  it("drops a block replaced by whitespace and trims blocks that gained some", () => {
    const r = applied(
      applyChanges(text, blocks, [
        { id: "blank", start: blocks[4].start, end: blocks[4].end, replacement: "   " },
        { id: "pad", start: blocks[6].start, end: blocks[6].start + 4, replacement: "  They" },
      ]),
    );
    expect(r.text).toContain("HouseAFP\n\nThe talks began on Monday.\n\n  They ended");
    expect(r.parts.slice(4)).toEqual([
      ["paragraph", "The talks began on Monday."],
      ["paragraph", "They ended on Tuesday."],
    ]);
  });

  it("joins text written between two blocks to the earlier one, so only whitespace is left between blocks", () => {
    const gap = { start: blocks[5].end, end: blocks[6].start };
    const r = applied(applyChanges(text, blocks, [{ id: "gap", ...gap, replacement: " And then " }]));
    expect(r.parts.slice(5)).toEqual([
      ["paragraph", "The talks began on Monday. And then"],
      ["paragraph", "They ended on Tuesday."],
    ]);
  });
});

describe("applyChanges: astral characters", () => {
  const { text, blocks } = article([["headline", "😀 Joy"]], [["paragraph", "A 🎉 party 👍 here 🙂"]]);

  it("keeps emoji before, inside and after changes, counting UTF-16 code units", () => {
    const r = applied(
      applyChanges(text, blocks, [
        change("inside", text, "🎉 party", "🎉🎉 party"),
        change("after-emoji", text, " here", " there"),
        change("replace-emoji", text, "🙂", "😢"),
        { id: "before-all", start: 0, end: 0, replacement: "🔥" },
      ]),
    );
    expect(r.text).toBe("🔥😀 Joy\n\nA 🎉🎉 party 👍 there 😢");
    expect(r.parts).toEqual([
      ["headline", "🔥😀 Joy"],
      ["paragraph", "A 🎉🎉 party 👍 there 😢"],
    ]);
    expect(r.map(at(text, "👍").start, "start")).toBe(at(r.text, "👍").start);
  });

  it("never narrows a change to half of an emoji", () => {
    // 😀 and 😃 share their high surrogate; a boundary-crossing change must not keep only half of it
    const glued = article([["caption", "Smile 😀"], ["credit", "AP"]]);
    const r = applied(applyChanges(glued.text, glued.blocks, [change("e", glued.text, "😀AP", "😃 AP")]));
    expect(r.parts).toEqual([
      ["caption", "Smile 😃"],
      ["credit", "AP"],
    ]);
  });

  it("maps no offset into the middle of an emoji, even where two emoji share a surrogate", () => {
    // 😀 and 😃 share their high surrogate, 😀 and 🈀 their low one
    const cases: [ParsedArticle, string, string][] = [
      [article([["caption", "Smile 😀"], ["credit", "AP"]]), "😀AP", "😃 BP"],
      [article([["caption", "Go X"], ["credit", "😀"]]), "X😀", "Y🈀"],
    ];
    for (const [{ text: t, blocks: b }, quote, replacement] of cases) {
      const r = applied(applyChanges(t, b, [change("e", t, quote, replacement)]));
      for (let o = 0; o <= t.length; o++) {
        if (insideEmoji(t, o)) continue;
        for (const side of ["start", "end"] as const) expect(insideEmoji(r.text, r.map(o, side)), `${quote}: ${o} ${side}`).toBe(false);
      }
    }
  });
});

describe("applyChanges: order and the position map", () => {
  const { text, blocks } = STORY;
  const changes: TextChange[] = [
    change("a", text, "Example", "Sample"),
    change("b", text, "HouseAFP", "House AFP"),
    change("c", text, "Monday", "Wednesday"),
    { id: "d", start: at(text, "ended").start, end: at(text, "ended").start, replacement: "finally " },
    change("e", text, "Tuesday", "Thursday"),
    { id: "f", start: blocks[4].start, end: blocks[4].end, replacement: "" },
  ];

  it("gives the same result whatever order the changes come in", () => {
    const reference = applied(applyChanges(text, blocks, changes));
    const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
    for (let seed = 1; seed <= 20; seed++) {
      const shuffled = [...changes].sort((x, y) => hash(x.id, seed) - hash(y.id, seed));
      const r = applied(applyChanges(text, blocks, shuffled));
      expect(r.text).toBe(reference.text);
      expect(r.blocks).toEqual(reference.blocks);
      expect(offsets.map((o) => r.map(o, "start"))).toEqual(offsets.map((o) => reference.map(o, "start")));
    }
  });

  it("moves offsets outside changes by what came before them", () => {
    const r = applied(applyChanges(text, blocks, changes));
    for (const quote of ["Leaders meet", "The talks began on", "They", "on Thursday"]) {
      const before = at(text, quote.replace("Thursday", "Tuesday"));
      const after = { start: r.map(before.start, "start"), end: r.map(before.end, "end") };
      expect(r.text.slice(after.start, after.end)).toBe(quote);
    }
  });

  it("keeps a range's own text when a change touches its edge, and covers a change inside it", () => {
    const { text: t, blocks: b } = article([["paragraph", "one two three"]]);
    const r = applied(
      applyChanges(t, b, [
        { id: "ins-at-start", start: 4, end: 4, replacement: "big " },
        { id: "ins-at-end", start: 7, end: 7, replacement: "!" },
      ]),
    );
    expect(r.text).toBe("one big two! three");
    expect(r.text.slice(r.map(4, "start"), r.map(7, "end"))).toBe("two");
    const inside = applied(applyChanges(t, b, [{ id: "x", start: 5, end: 6, replacement: "W" }]));
    expect(inside.text.slice(inside.map(4, "start"), inside.map(7, "end"))).toBe("tWo");
    // a range edge strictly inside a replaced range widens to the whole replacement
    const widened = applied(applyChanges(t, b, [{ id: "y", start: 2, end: 6, replacement: "ly tw" }]));
    expect(widened.text).toBe("only two three");
    expect([widened.map(4, "start"), widened.map(5, "end")]).toEqual([2, 7]);
  });

  it("refuses offsets outside the old text", () => {
    const r = applied(applyChanges(text, blocks, changes));
    expect(() => r.map(text.length + 1, "start")).toThrow(RangeError);
    expect(() => r.map(-1, "end")).toThrow(RangeError);
  });

  it("returns the text and blocks unchanged when there is nothing to apply", () => {
    const r = applied(applyChanges(text, blocks, []));
    expect(r.text).toBe(text);
    expect(r.blocks).toEqual(blocks);
    expect(r.map(10, "start")).toBe(10);
  });
});

function insideEmoji(text: string, at: number): boolean {
  return /[\ud800-\udbff]/.test(text[at - 1] ?? "") && /[\udc00-\udfff]/.test(text[at] ?? "");
}

function hash(id: string, seed: number): number {
  let h = seed * 2654435761;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 2246822519);
  return h >>> 0;
}
