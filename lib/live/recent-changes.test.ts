import { describe, expect, it } from "vitest";
import { createMemoryBus, type LiveBus } from "./bus";
import { createRecentChanges } from "./recent-changes";

const change = (articleId: string) => ({ kind: "change" as const, articleId, what: "annotation" as const, actorId: "u1" });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("recent changes", () => {
  it("forgets a change after a minute, and counts one a second before the render (two servers' clocks)", async () => {
    let now = 1_000_000;
    const bus = createMemoryBus();
    const recent = createRecentChanges(bus, () => now);
    await bus.publish(change("a"));
    await settle();
    expect(recent.changedSince("a", now + 900)).toBe(true);
    expect(recent.changedSince("a", now + 1_100)).toBe(false);
    now += 61_000;
    expect(recent.changedSince("a", 0)).toBe(false);
    recent.close();
  });

  it("after the bus lost its connection, every page may have missed something", () => {
    let resync: () => void = () => {};
    const bus: LiveBus = {
      publish: async () => {},
      subscribe: (_onMessage, onResync) => ((resync = onResync ?? resync), () => {}),
      ready: async () => {},
      close: async () => {},
    };
    const recent = createRecentChanges(bus, () => 5_000);
    expect(recent.changedSince("any", 4_000)).toBe(false);
    resync();
    expect(recent.changedSince("any", 4_000)).toBe(true);
    expect(recent.changedSince(null, 4_000)).toBe(true);
  });

  it("keeps one entry per article changed in the last minute, however many changed before", async () => {
    let now = 0;
    const bus = createMemoryBus();
    const recent = createRecentChanges(bus, () => now);
    for (let i = 0; i < 5_000; i++) {
      now += 1_000;
      await bus.publish(change(`article-${i}`));
    }
    await settle();
    expect(recent.changedSince("article-0", 0)).toBe(false);
    expect(recent.changedSince("article-4999", now - 1)).toBe(true);
    expect(recent.tracked()).toBeLessThanOrEqual(61);
    recent.close();
  });
});
