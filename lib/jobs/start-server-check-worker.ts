import { warmUpChecksThread } from "@/lib/checks/worker/run-checks-off-thread";
import { db, dbProvider } from "@/lib/db";
import { startCheckWorker } from "./check-worker";
import { startRunnerThread } from "./runner-thread/start-runner-thread";

// dev reloads modules: keep one runner per process
const slot = globalThis as unknown as { copydeskCheckRunner?: { stop(): Promise<void> } };

/**
 * The app server's runner. On PostgreSQL it runs on a thread of its own with its own connections
 * (decision 027); on SQLite, which takes one writer at a time, it stays on the app's one connection
 * (a second writer made the app's writes wait on the file lock), and only the checks leave the thread.
 * No signal handlers of its own (Next owns the server's shutdown): a job cut off by a stop is taken
 * over by another runner once its lease runs out.
 */
export function startServerCheckWorker(): { stop(): Promise<void> } {
  if (!slot.copydeskCheckRunner) {
    if (dbProvider === "postgresql") slot.copydeskCheckRunner = startRunnerThread();
    else {
      warmUpChecksThread();
      slot.copydeskCheckRunner = startCheckWorker({ db });
    }
  }
  return slot.copydeskCheckRunner;
}
