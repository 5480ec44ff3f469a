import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/lib/db";
import { claimCheckJob } from "./claim-check-job";
import { runCheckJob } from "./run-check-job";
import { foregroundIdle } from "@/lib/threads/foreground";
import { onWake } from "./wake";

/** The longest a job waits for this process's uploads to be stored before it starts anyway. */
const YIELD_TO_UPLOADS_MS = 2_000;

export interface CheckWorkerOptions {
  db: Db;
  /** how often an idle runner looks for due jobs (retries, other servers' jobs, expired leases) */
  pollMs?: number;
  leaseMs?: number;
  budgetMs?: number;
  /** identifies this runner in lockedBy; default host:pid:random */
  runner?: string;
  log?: (message: string, error?: unknown) => void;
}

export interface CheckWorker {
  runner: string;
  /** finish the job in hand (if any) and stop looking for more */
  stop(): Promise<void>;
}

/**
 * One runner per process: it takes due jobs one at a time (the checks themselves run on the
 * process's one checking thread, decision 015) until stopped. Any number of processes — app servers
 * and `npm run worker` — can run one against the same database.
 */
export function startCheckWorker({ db, pollMs = 1_000, leaseMs, budgetMs, runner, log = console.error }: CheckWorkerOptions): CheckWorker {
  const id = runner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let sleeping: (() => void) | null = null;
  const wakeUp = () => {
    if (timer) clearTimeout(timer);
    sleeping?.();
  };
  const offWake = onWake(wakeUp);
  const sleep = () =>
    new Promise<void>((resolve) => {
      sleeping = resolve;
      timer = setTimeout(resolve, pollMs);
      timer.unref(); // an idle runner does not keep a script or test alive
    }).finally(() => {
      sleeping = null;
      timer = null;
    });

  const loop = (async () => {
    while (!stopped) {
      try {
        // uploads first: their senders wait, a job can start a moment later (lib/threads/foreground.ts)
        await foregroundIdle(YIELD_TO_UPLOADS_MS);
        // a stop that came while it waited: take no new job (the server's grace is for the one in hand)
        if (stopped) break;
        const job = await claimCheckJob(db, { runner: id, leaseMs });
        if (job) {
          await runCheckJob(db, job, id, { budgetMs });
          continue;
        }
      } catch (e) {
        log("check worker: could not take or finish a job", e); // the database may be restarting: poll again
      }
      if (!stopped) await sleep();
    }
  })();

  return {
    runner: id,
    async stop() {
      stopped = true;
      offWake();
      wakeUp();
      await loop;
    },
  };
}
