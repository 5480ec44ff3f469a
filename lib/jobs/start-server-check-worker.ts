import { db } from "@/lib/db";
import { warmUpChecksThread } from "@/lib/checks/worker/run-checks-off-thread";
import { startCheckWorker, type CheckWorker } from "./check-worker";

// dev reloads modules: keep one runner per process
const slot = globalThis as unknown as { copydeskCheckWorker?: CheckWorker };

/**
 * The app server's runner. No signal handlers of its own (Next owns the server's shutdown): a job
 * cut off by a stop is taken over by another runner once its lease runs out.
 */
export function startServerCheckWorker(): CheckWorker {
  if (!slot.copydeskCheckWorker) warmUpChecksThread();
  slot.copydeskCheckWorker ??= startCheckWorker({ db });
  return slot.copydeskCheckWorker;
}
