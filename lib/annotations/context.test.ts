import { describe, expect, it } from "vitest";
import { contextAround } from "./context";

describe("contextAround", () => {
  const text = "Headline here\n\nThe mayor said on Monday that The bridge is safe again after the repairs.";
  it("gives a few words either side, with ellipses where it cuts", () => {
    const at = text.indexOf("The bridge");
    expect(contextAround(text, at, at + 3, 3)).toEqual({ before: "…on Monday that ", exact: "The", after: " bridge is safe…" });
  });
  it("stops at the block's edges, without ellipses when nothing is cut", () => {
    expect(contextAround(text, text.indexOf("The mayor"), text.indexOf("The mayor") + 3, 3)).toMatchObject({ before: "", after: " mayor said on…" });
    expect(contextAround(text, 0, 8, 3)).toEqual({ before: "", exact: "Headline", after: " here" });
    expect(contextAround(text, 0, 14, 3)).toEqual({ before: "", exact: "Headline here\n", after: "" });
  });
});
