import { processWide } from "@/lib/process-wide";

/**
 * Work someone is waiting on, as opposed to background work that can wait for it. An upload is read
 * and stored while its sender waits; a check job can start a second later without anyone noticing.
 * On SQLite the check runner shares the page thread and the one connection with the uploads, so
 * when five large uploads arrive together and each one's check job starts the moment it is stored,
 * the two kinds of work pile up on that thread, and other people's pages wait past 200 ms (issue 8).
 * Per process: the runner of a thread or process of its own (PostgreSQL, `npm run worker`) sees no
 * uploads here and never waits.
 */
const state = processWide("foregroundWork", () => ({ running: 0, idle: [] as (() => void)[] }));

/** Run `work` as foreground work: background work waits for it (a little). */
export async function asForeground<T>(work: () => Promise<T>): Promise<T> {
  state.running++;
  try {
    return await work();
  } finally {
    if (--state.running === 0) for (const resolve of state.idle.splice(0)) resolve();
  }
}

/** Resolves once no foreground work is running, or after `maxWaitMs` at most, so a stream of it never starves the rest. */
export function foregroundIdle(maxWaitMs: number): Promise<void> {
  if (state.running === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, maxWaitMs);
    function done() {
      clearTimeout(timer);
      const i = state.idle.indexOf(done);
      if (i >= 0) state.idle.splice(i, 1);
      resolve();
    }
    state.idle.push(done);
  });
}
