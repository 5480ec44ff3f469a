import { describe, expect, it } from "vitest";
import { assertStorable } from "./assert-storable";
import { MAX_BLOCKS } from "./limits";
import { parseSource } from "./parse-source";
import { codeOf } from "./testing";

const ZWJ = "\u200D";
const ZWNJ = "\u200C";
const CODER = `👩${ZWJ}💻`; // one emoji: woman, joiner, laptop
const FAMILY = `👨${ZWJ}👩${ZWJ}👧`;
const PERSIAN = `می${ZWNJ}خواهم`; // "I want": the non-joiner keeps the prefix apart
const HINDI = `क्${ZWJ}ष`;


describe("joiners are spelling, not junk", () => {
  const body = `The ${CODER} team and the ${FAMILY} family: ${PERSIAN} and ${HINDI} stay as written.`;

  it.each([
    ["text", `Headline here\n\n${body}`],
    ["markdown", `# Headline here\n\n${body}`],
    ["html", `<html><body><article><h1>Headline here</h1><p>${body}</p></article></body></html>`],
  ] as const)("%s keeps ZWJ and ZWNJ", (format, raw) => {
    const { text } = parseSource(raw, format);
    expect(text).toContain(CODER);
    expect(text).toContain(FAMILY);
    expect(text).toContain(PERSIAN);
    expect(text).toContain(HINDI);
  });

  it("still drops zero-width spaces, word joiners, BOMs and soft hyphens", () => {
    const { text } = parseSource("\uFEFFHead\u200Bline\n\nThe coun\u00ADcil met\u2060 today.", "text");
    expect(text).toBe("Headline\n\nThe council met today.");
  });
});

describe("control characters are never stored", () => {
  it("NUL and other C0/C1 controls are removed from pasted text, HTML and Markdown; form feeds break lines", () => {
    const raw = "Port\u0000 reopens\u0007 after storm\u000c\nThe port\u0001 reopened on\u007f Friday\u0085after three\u009b days.";
    for (const format of ["text", "markdown"] as const) {
      const { text } = parseSource(raw, format);
      expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
      expect(text).toContain("Port reopens after storm");
      expect(text).toContain("The port reopened on Friday");
    }
    const html = parseSource(`<html><body><h1>Port\u0000 reopens</h1><p>The port reopened\u0000 on Friday after three days of storms.</p></body></html>`, "html");
    expect(html.text).not.toContain("\u0000");
    expect(html.text).toContain("The port reopened on Friday");
  });

  it("a parsed article that still carries one (built by hand, not through normalisation) is refused", () => {
    const text = "Headline\u0000";
    expect(codeOf(() => assertStorable({ text, blocks: [{ kind: "headline", start: 0, end: text.length }] }))).toBe("bad_input");
  });
});

describe("one block limit for every way in", () => {
  it("parseSource (the API and the preview) refuses more blocks than the form may save", () => {
    const raw = Array.from({ length: MAX_BLOCKS + 1 }, (_, i) => `Line ${i}.`).join("\n\n");
    expect(codeOf(() => parseSource(raw, "text"))).toBe("too_large");
    expect(() => parseSource(raw, "text")).toThrow(/20,001 blocks; the limit is 20,000/);
  });

  it("exactly the limit passes", () => {
    const raw = Array.from({ length: MAX_BLOCKS }, (_, i) => `Line ${i}.`).join("\n\n");
    expect(parseSource(raw, "text").blocks).toHaveLength(MAX_BLOCKS);
  });
});
