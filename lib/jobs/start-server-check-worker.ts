import { startRunnerThread, type RunnerThread } from "./runner-thread/start-runner-thread";

// dev reloads modules: keep one runner per process
const slot = globalThis as unknown as { copydeskCheckRunner?: RunnerThread };

/**
 * The app server's runner, on a thread of its own (decision 027). No signal handlers of its own (Next
 * owns the server's shutdown): a job cut off by a stop is taken over by another runner once its lease
 * runs out.
 */
export function startServerCheckWorker(): RunnerThread {
  slot.copydeskCheckRunner ??= startRunnerThread();
  return slot.copydeskCheckRunner;
}
