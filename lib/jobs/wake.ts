import { EventEmitter } from "node:events";

// Runners poll the table, which is what makes jobs durable and shared between servers; this only
// saves a job enqueued in the same process the wait for the next poll.
const bus = new EventEmitter();

export function wakeCheckWorkers(): void {
  bus.emit("wake");
}

export function onWake(listener: () => void): () => void {
  bus.on("wake", listener);
  return () => bus.off("wake", listener);
}
