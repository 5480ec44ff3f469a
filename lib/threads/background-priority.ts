import { readlinkSync } from "node:fs";
import os from "node:os";

/** Linux's nice value for background threads: they get about a tenth of a core the page thread wants. */
const BACKGROUND_NICE = 10;

/**
 * Lower this worker thread's CPU priority, so that on a busy machine the thread that answers pages is
 * scheduled first (issue 8's goal: a page answers in under 200 ms while uploads are read and checked).
 * On two cores the ingest thread, the checks thread and the page thread compete for the same CPUs;
 * without this, a long parse or check took its full share and page requests waited for CPU time
 * though their event loop was free. On Linux a thread has its own id and nice value; elsewhere (or
 * when the system refuses) this does nothing, and the threads run at the normal priority.
 */
export function runAtBackgroundPriority(): void {
  if (process.platform !== "linux") return;
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, BACKGROUND_NICE);
  } catch {
    // not permitted or no /proc: normal priority is still correct, only less kind to pages
  }
}
