import { describe, expect, it } from "vitest";
import { AppError, toHttpStatus } from "@/lib/errors";
import { MAX_HTML_DEPTH, READABILITY_MAX_ELEMENTS } from "./limits";
import { measureHtml } from "./measure-html";
import { parseSource } from "./parse-source";

const P = "<p>The council met on Monday and voted to reopen the library.</p>";

/** The refusal, and how long it took to reach it. */
function refusal(html: string): { error: AppError; ms: number } {
  const started = performance.now();
  try {
    parseSource(html, "html");
  } catch (e) {
    if (e instanceof AppError) return { error: e, ms: performance.now() - started };
    throw e;
  }
  throw new Error("the HTML was accepted");
}

describe("HTML is bounded in depth and size before jsdom sees it", () => {
  it.each([5_000, 50_000])("%i nested levels get a clear 422 in well under a second", (levels) => {
    const html = `<html><body>${"<div>".repeat(levels)}${P}${"</div>".repeat(levels)}</body></html>`;
    const { error, ms } = refusal(html);
    expect(error.message).toMatch(/nested too deeply/);
    expect(toHttpStatus(error.code)).toBe(422);
    expect(ms).toBeLessThan(1_000);
  });

  it("depth is counted the way the browser builds the tree: unclosed formatting, <template> content, implied end tags", () => {
    expect(refusal(`<html><body>${"<b>".repeat(50_000)}x`).error.message).toMatch(/nested too deeply/);
    expect(refusal(`<html><body>${"<template>".repeat(50_000)}x`).error.message).toMatch(/nested too deeply/);
    // <p> and <li> close their predecessors, so thousands of unclosed ones are a flat list, not a deep one
    expect(measureHtml(`<html><body>${"<p>Word".repeat(3_000)}<ul>${"<li>Item".repeat(3_000)}</ul>`).elements).toBeGreaterThan(6_000);
  });

  it("an ordinary page just under the depth limit is read", () => {
    const depth = MAX_HTML_DEPTH - 10;
    const html = `<html><body>${"<div>".repeat(depth)}<h1>Library reopens</h1>${P}${"</div>".repeat(depth)}</body></html>`;
    expect(parseSource(html, "html").text).toContain("voted to reopen the library");
  });

  it("too many elements is refused as too large (413)", () => {
    const { error } = refusal(`<html><body>${"<i>a</i>".repeat(70_000)}</body></html>`);
    expect(error.code).toBe("too_large");
    expect(toHttpStatus(error.code)).toBe(413);
  });

  it("a big page skips Readability but keeps every paragraph", () => {
    const count = READABILITY_MAX_ELEMENTS + 500;
    const html = `<html><head><title>Budget hearing</title></head><body><h1>Budget hearing</h1>${Array.from(
      { length: count },
      (_, i) => `<p>Paragraph ${i} of the hearing record.</p>`,
    ).join("")}</body></html>`;
    const parsed = parseSource(html, "html");
    expect(parsed.text).toContain("Paragraph 0 of the hearing record.");
    expect(parsed.text).toContain(`Paragraph ${count - 1} of the hearing record.`);
  });
});
