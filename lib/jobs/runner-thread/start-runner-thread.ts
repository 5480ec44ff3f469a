import { Worker } from "node:worker_threads";
import { liveBus } from "@/lib/live/live";
import { entryPath } from "@/lib/threads/serial-thread";
import { onWake } from "../wake";
import type { FromRunner, ToRunner } from "./protocol";

/** a runner thread that died (a bug, out of memory) is started again after this pause */
const RESTART_MS = 2_000;

export interface RunnerThread {
  stop(): Promise<void>;
}

/**
 * Start this server's check-job runner on its own thread. Jobs enqueued in this process wake it at
 * once; what it announces reaches this process's live bus, so open pages update as before. A jobs'
 * lease outlives a thread that dies mid-job: the restarted runner, or another server's, takes it over.
 */
export function startRunnerThread(): RunnerThread {
  let worker: Worker | null = null;
  let stopped = false;
  const start = () => {
    const w = new Worker(/* turbopackIgnore: true */ entryPath("lib", "jobs", "runner-thread", "entry.mjs"));
    w.on("message", (m: FromRunner) => {
      if ("live" in m) liveBus().publish(m.live).catch((e) => console.error("live: could not publish", e));
    });
    w.on("error", (e) => console.error("check runner thread error", e));
    w.on("exit", (code) => {
      if (worker === w) worker = null;
      if (stopped) return;
      console.error(`check runner thread stopped (exit code ${code}); starting it again`);
      setTimeout(() => !stopped && !worker && (worker = start()), RESTART_MS).unref();
    });
    return w;
  };
  worker = start();
  const offWake = onWake(() => worker?.postMessage({ wake: true } satisfies ToRunner));
  return {
    /** the job in hand finishes first (its findings stored, its outcome recorded); then the thread ends */
    async stop() {
      stopped = true;
      offWake();
      const w = worker;
      if (!w) return;
      await new Promise<void>((resolve) => {
        const done = (m: FromRunner) => "stopped" in m && resolve();
        w.on("message", done);
        w.once("exit", () => resolve());
        w.postMessage({ stop: true } satisfies ToRunner);
      });
      await w.terminate();
    },
  };
}
