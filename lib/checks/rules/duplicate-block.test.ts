import { describe, expect, it } from "vitest";
import { contextFor } from "../testing";
import { duplicateBlock } from "./duplicate-block";

describe("duplicate-block", () => {
  it("deletes the copy that has no credit after it, with its blank line", () => {
    const ctx = contextFor("Bridge reopens\n\nCrews lift a steel section at dawn\n\nCrews lift a steel section at dawnReuters\n\nThe bridge reopens.");
    const [f, ...rest] = duplicateBlock.run(ctx);
    expect(rest).toEqual([]);
    expect(f.start).toBe(ctx.text.indexOf("Crews"));
    expect(f.replacement).toBe("");
    const fixed = ctx.text.slice(0, f.start) + f.replacement + ctx.text.slice(f.end);
    expect(fixed).toBe("Bridge reopens\n\nCrews lift a steel section at dawnReuters\n\nThe bridge reopens.");
  });

  it("keeps the first of two identical paragraphs and ignores short repeats", () => {
    const ctx = contextFor("Title here\n\nThe council met on Monday night.\n\nYes.\n\nYes.\n\nThe council met on Monday night.");
    const found = duplicateBlock.run(ctx);
    expect(found).toHaveLength(1);
    expect(found[0].start).toBeGreaterThan(ctx.text.indexOf("Yes."));
  });
});
