import { describe, expect, it } from "vitest";
import { runShutdownHooks as serverStops } from "@/lib/shutdown";
import { createMemoryBus } from "./bus";
import { liveEventStream } from "./event-stream";
import { createPresence } from "./presence";

const viewer = { id: "u1", name: "Eddie Editor", role: "editor" as const };

async function readToEnd(reader: ReadableStreamDefaultReader<Uint8Array>) {
  for (let r = await reader.read(); !r.done; r = await reader.read());
}

describe("live streams after a sign-out", () => {
  const text = async (reader: ReadableStreamDefaultReader<Uint8Array>) => {
    let all = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) all += new TextDecoder().decode(r.value);
    return all;
  };

  it("a stream whose session is gone says so and ends, and its viewer leaves the article's presence", async () => {
    const bus = createMemoryBus();
    const presence = createPresence(bus, { heartbeatMs: 60_000 });
    let signedIn = true;
    const reader = liveEventStream({ bus, presence, viewer, articleId: "a3", stillAllowed: async () => signedIn, recheckMs: 10 }).getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 50)); // several checks while still signed in
    expect(presence.list("a3")).toHaveLength(1);
    signedIn = false;
    expect(await text(reader)).toContain('event: ended\ndata: {"reason":"signed-out"}');
    expect(presence.list("a3")).toEqual([]);
    presence.close();
  });

  it("a check that fails (the database away for a moment) is not a sign-out: the stream stays", async () => {
    const bus = createMemoryBus();
    const presence = createPresence(bus, { heartbeatMs: 60_000 });
    let asked = 0;
    const stream = liveEventStream({ bus, presence, viewer, articleId: "a4", stillAllowed: async () => { asked++; throw new Error("connection refused"); }, recheckMs: 10 });
    const reader = stream.getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 60));
    expect(asked).toBeGreaterThan(1);
    expect(presence.list("a4")).toHaveLength(1);
    await reader.cancel();
    expect(presence.list("a4")).toEqual([]);
    presence.close();
  });
});

// last: once the process is stopping, every stream opened after ends at once
describe("live streams when the server stops", () => {
  it("every open stream ends, which lets the server close and the browser reconnect elsewhere", async () => {
    const bus = createMemoryBus();
    const presence = createPresence(bus, { heartbeatMs: 60_000 });
    const reader = liveEventStream({ bus, presence, viewer, articleId: "a1" }).getReader();
    await reader.read(); // "retry: …"
    expect(presence.list("a1")).toHaveLength(1);
    await serverStops();
    await readToEnd(reader);
    expect(presence.list("a1")).toEqual([]);
    presence.close();
  });

  it("a stream opened after the stop began (a browser that reconnected to this server) ends at once", async () => {
    const bus = createMemoryBus();
    const presence = createPresence(bus, { heartbeatMs: 60_000 });
    await readToEnd(liveEventStream({ bus, presence, viewer, articleId: "a2" }).getReader());
    expect(presence.list("a2")).toEqual([]);
    presence.close();
  });
});
