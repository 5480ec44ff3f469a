import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script (the cluster runs it with node, not through the app's build)
import { supervise } from "./supervise.mjs";

type Supervisor = { child: import("node:child_process").ChildProcess | null; restarts: number; noMoreRestarts(): void; stop(signal?: string): Promise<void>; kill(): void };
const running: Supervisor[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop("SIGKILL")));
});

/** a real process running `code` */
const node = (code: string) => () => spawn(process.execPath, ["-e", code], { stdio: "ignore" });
const until = async (ok: () => boolean, ms = 5_000) => {
  for (const end = Date.now() + ms; !ok(); ) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
};

function watch(options: Record<string, unknown>) {
  const lines: string[] = [];
  const starts: number[] = [];
  const s = supervise({ label: "server", log: (l: string) => lines.push(l), onStart: (c: { pid: number }) => starts.push(c.pid), ...options }) as Supervisor;
  running.push(s);
  return { s, lines, starts };
}

describe("supervise: a cluster server that ends on its own is started again", () => {
  it("starts a process that crashed again, as a new process, and says so", async () => {
    const { s, lines, starts } = watch({ start: node("setTimeout(() => process.exit(3), 50)"), minDelayMs: 20 });
    await until(() => starts.length >= 2);
    expect(new Set(starts).size).toBe(starts.length);
    expect(lines[0]).toBe("server stopped (exit 3); starting it again in 0.02 s");
    expect(s.restarts).toBeGreaterThanOrEqual(1);
  });

  it("names the signal of a process killed from outside (the out-of-memory killer, say)", async () => {
    const { s, lines, starts } = watch({ start: node("setInterval(() => {}, 1000)"), minDelayMs: 20 });
    await until(() => s.child !== null);
    s.child!.kill("SIGKILL");
    await until(() => starts.length === 2);
    expect(lines).toEqual(["server stopped (SIGKILL); starting it again in 0.02 s"]);
  });

  it("doubles the pause while starts fail quickly, up to the most, and falls back once one has lasted", async () => {
    const quick = watch({ start: node("process.exit(1)"), minDelayMs: 10, maxDelayMs: 40, healthyAfterMs: 60_000 });
    await until(() => quick.lines.length >= 5);
    expect(quick.lines.slice(0, 5).map((l) => l.replace(/.* in /, ""))).toEqual(["0.01 s", "0.02 s", "0.04 s", "0.04 s", "0.04 s"]);

    // each start lasts 120 ms, longer than healthyAfterMs: every restart pauses the least again
    const lasting = watch({ start: node("setTimeout(() => process.exit(1), 120)"), minDelayMs: 10, maxDelayMs: 1_000, healthyAfterMs: 60 });
    await until(() => lasting.lines.length >= 3);
    expect(lasting.lines.slice(0, 3).map((l) => l.replace(/.* in /, ""))).toEqual(["0.01 s", "0.01 s", "0.01 s"]);
  });

  it("after stop: the process gets the signal, its exit is awaited, and nothing starts again", async () => {
    let handling = false; // its SIGTERM handler is installed: it said so
    const graceful = () => {
      const child = spawn(process.execPath, ["-e", "process.on('SIGTERM', () => setTimeout(() => process.exit(0), 100)); console.log('ready'); setInterval(() => {}, 1000)"]);
      child.stdout.once("data", () => (handling = true));
      return child;
    };
    const { s, lines, starts } = watch({ start: graceful, minDelayMs: 10 });
    await until(() => handling);
    const child = s.child!;
    await s.stop("SIGTERM");
    expect(child.exitCode).toBe(0); // it ended its own way, within its grace
    await new Promise((r) => setTimeout(r, 100));
    expect(starts).toHaveLength(1);
    expect(lines).toEqual([]);
  });

  it("once a stop begins, a process that ends on its own (Ctrl-C reached it too) is not started again", async () => {
    const { s, starts } = watch({ start: node("setInterval(() => {}, 1000)"), minDelayMs: 10 });
    await until(() => s.child !== null);
    s.noMoreRestarts();
    const ended = new Promise((r) => s.child!.once("exit", r));
    s.child!.kill("SIGINT");
    await ended;
    await new Promise((r) => setTimeout(r, 100));
    expect(starts).toHaveLength(1);
    expect(s.restarts).toBe(0);
  });

  it("a stop during the pause cancels the restart", async () => {
    const { s, starts } = watch({ start: node("process.exit(1)"), minDelayMs: 200 });
    await until(() => s.restarts === 1);
    await s.stop();
    await new Promise((r) => setTimeout(r, 400));
    expect(starts).toHaveLength(1);
  });
});
