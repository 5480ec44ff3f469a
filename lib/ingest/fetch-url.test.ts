import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toHttpStatus } from "@/lib/errors";
import { fetchUrl, refusedRange } from "./fetch-url";
import { MAX_SOURCE_BYTES } from "./limits";
import { parseSource } from "./parse-source";
import { readRawSource } from "./read-source";

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
    } else if (req.url === "/trickle") {
      // answers at once, then sends the body a few bytes at a time and never finishes
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("The port ");
      const drip = setInterval(() => res.write("."), 50);
      res.on("close", () => clearInterval(drip));
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

  it("refuses IPv6 forms that reach loopback or private IPv4, and other non-global IPv6", async () => {
    for (const host of ["::7f00:1", "::127.0.0.1", "::ffff:127.0.0.1", "::ffff:a00:1", "64:ff9b::a00:1", "2002:7f00:1::1", "fc00::1", "fe80::1", "::"]) {
      expect(refusedRange(host), host).not.toBeNull();
    }
    await expect(fetchUrl("http://[::7f00:1]/", { allowPrivate: false })).rejects.toMatchObject({ code: "url_refused" });
    await expect(fetchUrl("http://[64:ff9b::7f00:1]/", { allowPrivate: false })).rejects.toMatchObject({ code: "url_refused" });
    expect(refusedRange("8.8.8.8")).toBeNull();
    expect(refusedRange("::ffff:8.8.8.8")).toBeNull();
    expect(refusedRange("2606:4700:4700::1111")).toBeNull();
  });

  it("a body that trickles past the time limit is the upstream's failure (502), not ours", async () => {
    const failure = await fetchUrl(`${base}/trickle`, { allowPrivate: true, timeoutMs: 400 }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "fetch_failed", message: expect.stringMatching(/did not send the whole page within/) });
    expect(toHttpStatus((failure as { code: "fetch_failed" }).code)).toBe(502);
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

  it("a fetched page is read as HTML and parsed into an article with Readability", async () => {
    const { source, sourceKind } = await readRawSource({ kind: "url", url: `${base}/story` }, { allowPrivateUrls: true });
    expect(sourceKind).toBe("url");
    expect(source.format).toBe("html");
    const parsed = parseSource(source.text, source.format, source.url);
    const kinds = parsed.blocks.map((b) => b.kind);
    expect(kinds[0]).toBe("headline");
    expect(parsed.text).toContain("Dock workers said the damage was lighter than feared.");
  });
});
