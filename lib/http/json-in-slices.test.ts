import { describe, expect, it } from "vitest";
import { jsonInSlices } from "./json-in-slices";

const read = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe("jsonInSlices", () => {
  it("gives the same bytes as JSON.stringify, in several slices for a long list", async () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ kind: "paragraph", start: i, text: `“Quoted” text 😀 \\ "${"x".repeat(i * 10)}` }));
    const head = { id: "a1", title: "T", revision: 1 };
    const stream = jsonInSlices(head, "blocks", items);
    let slices = 0;
    const counted = stream.pipeThrough(new TransformStream({ transform: (c, ctl) => (slices++, ctl.enqueue(c)) }));
    expect(await read(counted)).toBe(JSON.stringify({ ...head, blocks: items }));
    expect(slices).toBeGreaterThan(3);
  });

  it("handles an empty head and an empty list", async () => {
    expect(await read(jsonInSlices({}, "blocks", []))).toBe('{"blocks":[]}');
    expect(await read(jsonInSlices({ a: 1 }, "b", [1]))).toBe('{"a":1,"b":[1]}');
  });
});
