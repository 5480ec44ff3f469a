import { setImmediate as nextTurn } from "node:timers/promises";

/** About this much JSON per slice: each costs well under a millisecond to build and encode. */
const SLICE_CHARS = 64 * 1024;

/**
 * `{ ...head, [key]: items }` as JSON, streamed in slices with a turn of the event loop between them.
 * A 2 MB article's blocks with their text are ~2 MB of JSON: built in one piece (`Response.json`) it
 * held the thread that serves pages for tens of milliseconds, with garbage to match (issue 8). The
 * bytes are those of `JSON.stringify({ ...head, [key]: items })` when `head` has no `key` of its own
 * and every item is JSON (plain data: no undefined, functions or symbols as items).
 */
export function jsonInSlices(head: Record<string, unknown>, key: string, items: readonly unknown[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const opening = JSON.stringify(head);
  let next = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let out = "";
      if (!started) {
        started = true;
        out = `${opening.length > 2 ? `${opening.slice(0, -1)},` : "{"}${JSON.stringify(key)}:[`;
      } else {
        await nextTurn();
      }
      while (next < items.length && out.length < SLICE_CHARS) out += (next > 0 ? "," : "") + JSON.stringify(items[next++]);
      if (next >= items.length) {
        controller.enqueue(encoder.encode(`${out}]}`));
        controller.close();
      } else {
        controller.enqueue(encoder.encode(out));
      }
    },
  });
}
