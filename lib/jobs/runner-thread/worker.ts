import { parentPort } from "node:worker_threads";
import { warmUpChecksThread } from "@/lib/checks/worker/run-checks-off-thread";
import { db } from "@/lib/db";
import { runAtBackgroundPriority } from "@/lib/threads/background-priority";
import { useLiveBus } from "@/lib/live/live";
import type { LiveBus } from "@/lib/live/bus";
import { startCheckWorker } from "../check-worker";
import { wakeCheckWorkers } from "../wake";
import type { FromRunner, ToRunner } from "./protocol";

/**
 * The app server's check-job runner, on a thread of its own with its own database client (decision
 * 027): loading a 2 MB revision, fingerprinting hundreds of findings and writing them through
 * Prisma's query compiler cost a few hundred milliseconds of CPU per article, none of which may hold
 * up the thread that answers pages. The checks themselves run on a further thread (decision 015).
 */
const port = parentPort;
if (!port) throw new Error("the runner thread runs only as a worker thread");

// what this thread announces goes to the app's thread, which owns the bus the open pages listen to
const forward: LiveBus = {
  async publish(live) {
    port.postMessage({ live } satisfies FromRunner);
  },
  subscribe() {
    throw new Error("the runner thread only announces");
  },
  async ready() {},
  async close() {},
};
useLiveBus(forward);

runAtBackgroundPriority();
warmUpChecksThread();
const runner = startCheckWorker({ db });
port.on("message", (m: ToRunner) => {
  if ("wake" in m) wakeCheckWorkers();
  if ("stop" in m) void runner.stop().then(() => port.postMessage({ stopped: true } satisfies FromRunner));
});
