import { describe, expect, it } from "vitest";
import { contextFor } from "../testing";
import { pageJunk } from "./page-junk";

describe("page-junk", () => {
  it("deletes page furniture and nothing else", () => {
    const ctx = contextFor("Bridge reopens\n\nThe bridge reopens in March.\n\nAdvertisement");
    const [f, ...rest] = pageJunk.run(ctx);
    expect(rest).toEqual([]);
    expect(ctx.text.slice(0, f.start) + f.replacement + ctx.text.slice(f.end)).toBe("Bridge reopens\n\nThe bridge reopens in March.");
  });
});
