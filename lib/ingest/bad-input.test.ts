import { describe, expect, it } from "vitest";
import { decodeSource } from "./decode-source";
import { MAX_SOURCE_BYTES } from "./limits";
import { parseSource } from "./parse-source";
import { readRawSource } from "./read-source";
import { codeOf } from "./testing";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("bad input gets a clear, typed refusal", () => {
  it("empty and whitespace-only text", () => {
    expect(codeOf(() => parseSource("", "text"))).toBe("empty");
    expect(codeOf(() => parseSource(" \n\t \u00a0\n", "text"))).toBe("empty");
    expect(codeOf(() => decodeSource(bytes("   \n\n  "), "story.txt"))).toBe("empty");
  });

  it("a file over the 2 MB limit", () => {
    const big = new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61);
    expect(codeOf(() => decodeSource(big, "huge.txt"))).toBe("too_large");
    expect(() => decodeSource(big, "huge.txt")).toThrow(/2\.0 MB/);
  });

  it("a binary file (PNG header, NUL bytes)", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(codeOf(() => decodeSource(png, "photo.txt"))).toBe("binary");
  });

  it("invalid UTF-8 (a Latin-1 file)", () => {
    const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73]); // "Café opens" in Latin-1
    expect(codeOf(() => decodeSource(latin1, "cafe.txt"))).toBe("invalid_utf8");
  });

  it("an unsupported file type is refused before reading", async () => {
    await expect(readRawSource({ kind: "file", name: "story.pdf", bytes: bytes("%PDF-1.7") }, { allowPrivateUrls: false })).rejects.toMatchObject({
      code: "unsupported_type",
    });
  });

  it("hostile HTML: scripts, onerror and javascript: links are dropped, the words survive", () => {
    let ran = false;
    (globalThis as { pwned?: () => void }).pwned = () => (ran = true);
    const html = `<!doctype html><html><head><title>Mayor opens the new library</title>
      <script>pwned()</script></head><body><article>
      <h1>Mayor opens the new library</h1>
      <p>The mayor opened the library on Monday. <img src="x" onerror="pwned()"> Hundreds came.</p>
      <p>Read the <a href="javascript:pwned()">full speech</a> online.</p>
      <script>document.write("INJECTED")</script>
      <p onclick="pwned()">Children were first in line for library cards, and the shelves were full by noon.</p>
      </article></body></html>`;
    const parsed = parseSource(html, "html");
    expect(ran).toBe(false);
    expect(parsed.text).toContain("The mayor opened the library on Monday.");
    expect(parsed.text).toContain("Read the full speech online.");
    expect(parsed.text).not.toMatch(/pwned|INJECTED|<script|onerror|javascript:/);
    expect(parsed.blocks[0]).toMatchObject({ kind: "headline" });
  });
});

describe("offsets are JavaScript string indices into the normalised text", () => {
  it("round-trips every block through slice, with astral characters and combining marks", () => {
    const raw = "Cafe\u0301 owner 😀 wins prize\r\n\r\nThe owner, Zoë 🎉 Martín, said the prize\u00a0was a surprise.\r\n";
    const parsed = parseSource(raw, "text");
    expect(parsed.text).toBe("Café owner 😀 wins prize\n\nThe owner, Zoë 🎉 Martín, said the prize was a surprise.");
    const [headline, para] = parsed.blocks;
    expect(parsed.text.slice(headline.start, headline.end)).toBe("Café owner 😀 wins prize");
    expect(para.start).toBe(headline.end + 2);
    expect(parsed.text.slice(para.start, para.end)).toContain("Zoë 🎉 Martín");
    // an emoji is two UTF-16 code units: the offset counts both
    expect(parsed.text.indexOf("wins")).toBe("Café owner 😀 ".length);
  });
});
