import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchUrl } from "./fetch-url";
import { MAX_SOURCE_BYTES } from "./limits";
import { readSource } from "./read-source";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/story") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<html><head><title>Port reopens after storm</title></head><body><article><h1>Port reopens after storm</h1><p>The port reopened on Friday after three days, officials said, and the first ships were unloading by noon.</p><p>Dock workers said the damage was lighter than feared.</p></article></body></html>");
    } else if (req.url === "/redirect") {
      res.writeHead(302, { location: "/story" });
      res.end();
    } else if (req.url === "/huge") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("a".repeat(MAX_SOURCE_BYTES + 10));
    } else if (req.url === "/slow") {
      setTimeout(() => res.end("late"), 2_000);
    } else if (req.url === "/image") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.from([0x89, 0x50]));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
/** An address where nothing listens: bind a port, then free it. */
async function closedPortUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}/`;
}

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("fetchUrl", () => {
  it("refuses loopback and private addresses unless the setting allows them", async () => {
    await expect(fetchUrl(`${base}/story`, { allowPrivate: false })).rejects.toMatchObject({ code: "url_refused" });
    await expect(fetchUrl("http://10.0.0.1/", { allowPrivate: false })).rejects.toMatchObject({ code: "url_refused" });
    await expect(fetchUrl("http://[::1]/", { allowPrivate: false })).rejects.toMatchObject({ code: "url_refused" });
    await expect(fetchUrl("http://169.254.169.254/latest/meta-data", { allowPrivate: false })).rejects.toMatchObject({ code: "url_refused" });
  });

  it("refuses other schemes and nonsense", async () => {
    await expect(fetchUrl("javascript:alert(1)", { allowPrivate: true })).rejects.toMatchObject({ code: "url_refused" });
    await expect(fetchUrl("file:///etc/passwd", { allowPrivate: true })).rejects.toMatchObject({ code: "url_refused" });
    await expect(fetchUrl("not a url", { allowPrivate: true })).rejects.toMatchObject({ code: "bad_input" });
  });

  it("fetches a page and follows a redirect, when allowed", async () => {
    const page = await fetchUrl(`${base}/redirect`, { allowPrivate: true });
    expect(page.url).toBe(`${base}/story`);
    expect(new TextDecoder().decode(page.bytes)).toContain("Port reopens");
  });

  it("an unreachable server, a 404, a slow server, an oversized page and an image each fail clearly", async () => {
    const closed = await closedPortUrl();
    await expect(fetchUrl(closed, { allowPrivate: true })).rejects.toMatchObject({ code: "fetch_failed" });
    await expect(fetchUrl(`${base}/missing`, { allowPrivate: true })).rejects.toThrow(/404/);
    await expect(fetchUrl(`${base}/slow`, { allowPrivate: true, timeoutMs: 300 })).rejects.toThrow(/did not answer/);
    await expect(fetchUrl(`${base}/huge`, { allowPrivate: true })).rejects.toMatchObject({ code: "too_large" });
    await expect(fetchUrl(`${base}/image`, { allowPrivate: true })).rejects.toMatchObject({ code: "unsupported_type" });
  });

  it("readSource turns a fetched page into an article with Readability", async () => {
    const result = await readSource({ kind: "url", url: `${base}/story` }, { allowPrivateUrls: true });
    expect(result.sourceKind).toBe("url");
    const kinds = result.parsed.blocks.map((b) => b.kind);
    expect(kinds[0]).toBe("headline");
    expect(result.parsed.text).toContain("Dock workers said the damage was lighter than feared.");
  });
});
