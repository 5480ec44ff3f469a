import { describe, expect, it } from "vitest";
import { readBodyBytes } from "@/lib/http/read-body-bytes";
import { MAX_SOURCE_BYTES } from "@/lib/ingest/limits";

const LIMIT = MAX_SOURCE_BYTES + 64 * 1024;

/** A POST whose body streams `chunks` without a declared length, as a chunked upload does. */
function chunked(chunks: Iterable<Uint8Array>, onPull?: () => void, headers?: Record<string, string>, onCancel?: () => void): Request {
  const it = chunks[Symbol.iterator]();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull?.();
      const next = it.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: onCancel,
  });
  return new Request("http://localhost/api/articles", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

function* endless(size: number) {
  for (;;) yield new Uint8Array(size).fill(120);
}

describe("readBodyBytes", () => {
  it("joins a chunked body's pieces in order", async () => {
    const enc = new TextEncoder();
    const bytes = await readBodyBytes(chunked([enc.encode("héllo "), enc.encode("wörld")]));
    expect(new TextDecoder().decode(bytes)).toBe("héllo wörld");
  });

  it("refuses a declared length over the limit before reading anything", async () => {
    let pulls = 0;
    const declared = chunked(endless(1024), () => pulls++, { "content-length": String(LIMIT + 1) });
    await expect(readBodyBytes(declared)).rejects.toMatchObject({ code: "too_large" });
    expect(pulls).toBeLessThanOrEqual(1); // a stream may pull once when it is set up
  });

  it("refuses an endless chunked body at the first chunk past the limit and stops reading it", async () => {
    let pulls = 0;
    let cancelled = false;
    const chunk = 64 * 1024;
    await expect(readBodyBytes(chunked(endless(chunk), () => pulls++, undefined, () => (cancelled = true)))).rejects.toMatchObject({ code: "too_large" });
    expect(cancelled).toBe(true); // the sender is told to stop
    // the body was never buffered beyond the limit: at most a chunk or two past it were read
    expect(pulls * chunk).toBeLessThan(LIMIT + 3 * chunk);
  });

  it("takes a chunked body exactly at the limit", async () => {
    const bytes = await readBodyBytes(chunked([new Uint8Array(LIMIT - 10), new Uint8Array(10)]));
    expect(bytes.byteLength).toBe(LIMIT);
  });

  it("reads an empty body as no bytes", async () => {
    expect((await readBodyBytes(new Request("http://localhost/", { method: "POST" }))).byteLength).toBe(0);
  });
});
