import { warmUpChecksThread } from "@/lib/checks/worker/run-checks-off-thread";
import { db, dbProvider } from "@/lib/db";
import { processWide } from "@/lib/process-wide";
import { startCheckWorker } from "./check-worker";
import { startRunnerThread } from "./runner-thread/start-runner-thread";

/**
 * The app server's runner. On PostgreSQL it runs on a thread of its own with its own connections
 * (decision 027); on SQLite, which takes one writer at a time, it stays on the app's one connection
 * (a second writer made the app's writes wait on the file lock), and only the checks leave the thread.
 * No signal handlers of its own: scripts/serve.mjs stops it through lib/shutdown.ts, and a job cut
 * off by a harder stop is taken over by another runner once its lease runs out.
 */
export function startServerCheckWorker(): { stop(): Promise<void> } {
  // one runner per process (dev reloads modules; Next's module graphs each have a copy of this one)
  return processWide<{ stop(): Promise<void> }>("checkRunner", () => {
    if (dbProvider === "postgresql") return startRunnerThread();
    warmUpChecksThread();
    return startCheckWorker({ db });
  });
}
