import { describe, expect, it } from "vitest";
import { parseJsonBody } from "./parse-json-body";

const code = (text: string) => {
  try {
    parseJsonBody(text);
    return "ok";
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe("parseJsonBody", () => {
  it("parses JSON, keeping emoji and other astral text", () => {
    expect(parseJsonBody('{"text":"caf\\u00e9 \\ud83d\\ude00 😀"}')).toEqual({ text: "café 😀 😀" });
  });

  it.each([
    ['{"text":"\\ud800"}', "a lone high surrogate"],
    ['{"text":"x\\udc00y"}', "a lone low surrogate"],
    ['{"a":[1,{"b":"\\ude00\\ud83d"}]}', "a reversed pair, nested"],
    ['{"\\ud800":1}', "in a key"],
    ['"\\ud800"', "at the top"],
  ])("refuses %s (%s) as malformed (400), not a crash", (text) => {
    expect(code(text)).toBe("malformed");
  });

  it("refuses non-JSON", () => {
    expect(code("{nope")).toBe("malformed");
  });

  it("walks deep nesting without overflowing", () => {
    const deep = "[".repeat(50_000) + '"\\ud800"' + "]".repeat(50_000);
    expect(code(deep)).toBe("malformed");
  });
});
