import { describe, expect, it } from "vitest";
import { createMemoryBus } from "@/lib/live/bus";
import { liveEventStream } from "@/lib/live/event-stream";
import { createPresence } from "@/lib/live/presence";
import { onShutdown } from "./shutdown";

/** what scripts/serve.mjs calls on SIGTERM or SIGINT */
const serverStops = () => (globalThis as unknown as Record<symbol, (() => Promise<void>) | undefined>)[Symbol.for("copydesk.shutdown")]!();

describe("stopping the server", () => {
  it("runs every hook and waits for them; a failing one does not keep the others from running", async () => {
    const ran: string[] = [];
    const offA = onShutdown(async () => {
      await new Promise((r) => setTimeout(r, 20));
      ran.push("job in hand finished");
    });
    const offB = onShutdown(() => {
      throw new Error("boom");
    });
    const offC = onShutdown(() => void ran.push("streams ended"));
    await serverStops();
    expect(ran.sort()).toEqual(["job in hand finished", "streams ended"]);
    [offA, offB, offC].forEach((off) => off());
  });

  it("ends every open live stream, which lets the server close and the browser reconnect elsewhere", async () => {
    const bus = createMemoryBus();
    const presence = createPresence(bus, { heartbeatMs: 60_000 });
    const viewer = { id: "u1", name: "Eddie Editor", role: "editor" as const };
    const reader = liveEventStream({ bus, presence, viewer, articleId: "a1" }).getReader();
    await reader.read(); // "retry: …"
    expect(presence.list("a1")).toHaveLength(1);
    await serverStops();
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(presence.list("a1")).toEqual([]);
    presence.close();
  });
});
