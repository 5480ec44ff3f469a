import { describe, expect, it } from "vitest";
import { keptWordShare } from "./kept-words";

describe("keptWordShare", () => {
  it("is 1 when every word is still there, whatever was inserted between them", () => {
    expect(keptWordShare("garden hoses", "garden hoses")).toBe(1);
    expect(keptWordShare("garden hoses", "garden date followed above hoses")).toBe(1);
  });

  it("counts the words a deletion left, by their length", () => {
    expect(keptWordShare("of three percent and", "percent and")).toBeCloseTo(10 / 17, 5);
  });

  it("gives nothing for a replaced word, though it shares letters with the old one", () => {
    expect(keptWordShare("that", "this")).toBe(0);
    expect(keptWordShare("Critics said the plan was vague", "Critics argued the scheme lacked detail")).toBeCloseTo(10 / 26, 5);
  });

  it("keeps the order: words that swapped places count once", () => {
    expect(keptWordShare("red fox", "fox red")).toBeCloseTo(3 / 6, 5);
    expect(keptWordShare("", "anything")).toBe(0);
  });
});
