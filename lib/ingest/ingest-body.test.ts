import { describe, expect, it } from "vitest";
import { readIngestBody } from "./ingest-body";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("readIngestBody", () => {
  it("gives the text and its format, or the URL", () => {
    expect(readIngestBody(bytes(JSON.stringify({ text: "Héadline 😀" })))).toEqual({ source: { text: "Héadline 😀", format: "text" } });
    expect(readIngestBody(bytes(JSON.stringify({ html: "<h1>A</h1>" })))).toEqual({ source: { text: "<h1>A</h1>", format: "html" } });
    expect(readIngestBody(bytes(JSON.stringify({ markdown: "# A" })))).toEqual({ source: { text: "# A", format: "markdown" } });
    expect(readIngestBody(bytes(JSON.stringify({ url: "https://example.com/a" })))).toEqual({ url: "https://example.com/a" });
  });

  it("refuses what is not JSON, a lone surrogate, and anything but exactly one source, naming the field", () => {
    expect(() => readIngestBody(bytes("{not json"))).toThrow(expect.objectContaining({ code: "malformed" }));
    expect(() => readIngestBody(bytes('{"text":"a\\ud800b"}'))).toThrow(expect.objectContaining({ code: "malformed" }));
    expect(() => readIngestBody(bytes(JSON.stringify({ text: "a", html: "b" })))).toThrow(
      expect.objectContaining({ code: "bad_input", fields: { text: "Send exactly one of text, html, markdown or url." } }),
    );
    expect(() => readIngestBody(bytes(JSON.stringify({ url: "not a url" })))).toThrow(expect.objectContaining({ code: "bad_input", fields: { url: "Give a full http(s) URL." } }));
  });
});
