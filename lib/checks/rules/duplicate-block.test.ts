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

  it("leaves a live blog's standing line repeated far apart, and finds one scraped twice nearby", () => {
    const updates = Array.from({ length: 6 }, (_, i) => `Update ${i + 1}: the ferry crossed again at ${i + 8} o'clock.`);
    const standing = "The ferry needs 40 crossings a week to keep its licence.";
    const text = ["Ferry live", "Ferries run every hour from the harbor, the port says.", standing, ...updates, standing, "The last ferry docked at midnight.", "The last ferry docked at midnight."].join("\n\n");
    const found = duplicateBlock.run(contextFor(text));
    expect(found.map((f) => f.exact.trim())).toEqual(["The last ferry docked at midnight."]);
  });

  it("finds a whole stretch scraped twice, however far apart", () => {
    const body = ["The ferry crossed at eight o'clock.", "The second ferry left at nine o'clock.", "Riders waited at the dock for an hour."];
    const updates = Array.from({ length: 6 }, (_, i) => `Update ${i + 1}: the ferry crossed again at ${i + 10} o'clock.`);
    const text = ["Ferry live", "Ferries run every hour from the harbor, the port says.", ...body, ...updates, ...body].join("\n\n");
    expect(duplicateBlock.run(contextFor(text))).toHaveLength(3);
  });
});
