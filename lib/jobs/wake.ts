import { EventEmitter } from "node:events";
import { processWide } from "@/lib/process-wide";

// Runners poll the table, which is what makes jobs durable and shared between servers; this only
// saves a job enqueued in the same process the wait for the next poll. One per process: the runner is
// started by instrumentation, the jobs are enqueued by routes and actions (other module graphs).
const bus = processWide("checkJobWakeUps", () => new EventEmitter());

export function wakeCheckWorkers(): void {
  bus.emit("wake");
}

export function onWake(listener: () => void): () => void {
  bus.on("wake", listener);
  return () => bus.off("wake", listener);
}
