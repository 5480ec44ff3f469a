import { describe, expect, it } from "vitest";
import { runShutdownHooks as serverStops } from "@/lib/shutdown";
import { createMemoryBus } from "./bus";
import { liveEventStream } from "./event-stream";
import { createPresence } from "./presence";

const viewer = { id: "u1", name: "Eddie Editor", role: "editor" as const };

async function readToEnd(reader: ReadableStreamDefaultReader<Uint8Array>) {
  for (let r = await reader.read(); !r.done; r = await reader.read());
}

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
