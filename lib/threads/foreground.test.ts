import { describe, expect, it } from "vitest";
import { asForeground, foregroundIdle } from "./foreground";

const later = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));


describe("foreground work", () => {
  it("lets background work start at once when nothing is in the foreground", async () => {
    let started = false;
    await foregroundIdle(10_000).then(() => (started = true));
    expect(started).toBe(true);
  });

  it("holds background work until every foreground piece has ended", async () => {
    const order: string[] = [];
    let finishA!: () => void;
    let finishB!: () => void;
    const a = asForeground(() => new Promise<void>((r) => (finishA = r)).then(() => order.push("upload a")));
    const b = asForeground(() => new Promise<void>((r) => (finishB = r)).then(() => order.push("upload b")));
    const job = foregroundIdle(10_000).then(() => order.push("check job"));
    await later(20);
    finishA();
    await a;
    await later(20);
    expect(order).toEqual(["upload a"]);
    finishB();
    await Promise.all([b, job]);
    expect(order).toEqual(["upload a", "upload b", "check job"]);
  });

  it("never holds background work longer than its bound, and counts a failed piece as ended", async () => {
    let finish!: () => void;
    let stuckDone = false;
    const stuck = asForeground(() => new Promise<void>((r) => (finish = r))).then(() => (stuckDone = true));
    await foregroundIdle(50); // the upload is still running: the bound let the job go
    expect(stuckDone).toBe(false);
    finish();
    await stuck;
    await expect(asForeground(() => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    let started = false;
    await foregroundIdle(10_000).then(() => (started = true));
    expect(started).toBe(true);
  });
});
