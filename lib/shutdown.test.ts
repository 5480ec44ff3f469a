import { describe, expect, it } from "vitest";
import { onShutdown } from "./shutdown";

/** what scripts/serve.mjs calls on SIGTERM or SIGINT (each test file runs in a process of its own) */
const serverStops = () => (globalThis as unknown as Record<symbol, (() => Promise<void>) | undefined>)[Symbol.for("copydesk.shutdown")]!();

describe("stopping the server", () => {
  it("runs every hook and waits for them; a failing one does not keep the others from running", async () => {
    const ran: string[] = [];
    onShutdown(async () => {
      await new Promise((r) => setTimeout(r, 20));
      ran.push("job in hand finished");
    });
    onShutdown(() => {
      throw new Error("boom");
    });
    onShutdown(() => void ran.push("streams ended"));
    await serverStops();
    expect(ran.sort()).toEqual(["job in hand finished", "streams ended"]);
  });

  it("a hook added once the stop has begun (a browser that reconnected meanwhile) runs at once", async () => {
    let ran = false;
    onShutdown(() => void (ran = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(ran).toBe(true);
  });
});
