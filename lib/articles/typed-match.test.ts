import { describe, expect, it } from "vitest";
import { findTyped, foldTyped } from "./typed-match";

describe("matching what people type against published copy", () => {
  it("finds a name typed with a straight apostrophe and in lower case", () => {
    const text = "Mr. O’Malley said the “crisis” was over.";
    expect(findTyped(text, "o'malley")).toBe(text.indexOf("O’Malley"));
    expect(findTyped(text, '"crisis"')).toBe(text.indexOf("“crisis”"));
    expect(findTyped(text, "nothing")).toBe(-1);
  });

  it("keeps offsets: the folded text is as long as the original, even for characters whose lower case is longer", () => {
    for (const s of ["İstanbul’s “ferry”", "ÉCOLE\u00a0NORMALE", "emoji 🎉 ’ok’"]) expect(foldTyped(s)).toHaveLength(s.length);
    const text = "İstanbul’s ferry";
    expect(findTyped(text, "ferry")).toBe(text.indexOf("ferry"));
  });

  it("looks from `from` on, then wraps to the start", () => {
    const text = "Storm. Storm warning. storm.";
    expect(findTyped(text, "storm", 1)).toBe(7);
    expect(findTyped(text, "storm", 23)).toBe(0);
  });
});
