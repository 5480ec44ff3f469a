import { afterEach, describe, expect, it, vi } from "vitest";

// Next.js loads instrumentation, route handlers and pages as separate module graphs in a production
// build: each graph has its own copy of every module. vi.resetModules() makes the next import a new
// copy, as a second graph would.
async function freshCopy<T>(path: string): Promise<T> {
  vi.resetModules();
  return (await import(/* @vite-ignore */ path)) as T;
}

afterEach(() => vi.unstubAllEnvs());

describe("one per process, however many copies of a module are loaded", () => {
  it("the Prisma client (one SQLite connection), in a production build too", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const a = await freshCopy<typeof import("@/lib/db")>("@/lib/db");
    const b = await freshCopy<typeof import("@/lib/db")>("@/lib/db");
    expect(b.db).toBe(a.db);
  });

  it("the check runners' wake-ups: a job enqueued by a route reaches the runner instrumentation started", async () => {
    const runnerSide = await freshCopy<typeof import("@/lib/jobs/wake")>("@/lib/jobs/wake");
    const routeSide = await freshCopy<typeof import("@/lib/jobs/wake")>("@/lib/jobs/wake");
    let heard = 0;
    const off = runnerSide.onWake(() => heard++);
    routeSide.wakeCheckWorkers();
    off();
    expect(heard).toBe(1);
  });

  it("the uploads' turn: background work waits for an upload started from another copy", async () => {
    const uploads = await freshCopy<typeof import("@/lib/threads/foreground")>("@/lib/threads/foreground");
    const runner = await freshCopy<typeof import("@/lib/threads/foreground")>("@/lib/threads/foreground");
    let finish!: () => void;
    const upload = uploads.asForeground(() => new Promise<void>((r) => (finish = r)));
    let started = false;
    const job = runner.foregroundIdle(10_000).then(() => (started = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toBe(false);
    finish();
    await Promise.all([upload, job]);
    expect(started).toBe(true);
  });

  it("errors a process-wide object throws are recognised by every copy (a 422 stays a 422, not a 500)", async () => {
    const thrower = await freshCopy<typeof import("@/lib/errors")>("@/lib/errors");
    const catcher = await freshCopy<typeof import("@/lib/errors")>("@/lib/errors");
    const e = new thrower.AppError("bad_input", "nested too deeply");
    expect(catcher.isAppError(e)).toBe(true);
    expect(e instanceof catcher.AppError).toBe(true);
    expect(new Error("x") instanceof catcher.AppError).toBe(false);
    const threadA = await freshCopy<typeof import("@/lib/threads/serial-thread")>("@/lib/threads/serial-thread");
    const threadB = await freshCopy<typeof import("@/lib/threads/serial-thread")>("@/lib/threads/serial-thread");
    expect(new threadA.ThreadBusy() instanceof threadB.ThreadBusy).toBe(true);
    expect(new threadA.ThreadBudgetExceeded(5) instanceof threadB.ThreadBudgetExceeded).toBe(true);
    expect(new threadA.ThreadBusy() instanceof threadB.ThreadBudgetExceeded).toBe(false);
  });
});
