import { workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { runAtBackgroundPriority } from "@/lib/threads/background-priority";
import type { CheckpointThreadData } from "./protocol";

/**
 * Copies SQLite's write-ahead log back into the database file, off the thread that answers pages
 * (./start.ts says why). PASSIVE: it copies what no reader still needs and never waits for, or
 * blocks, a reader or a writer; the next writer after a complete copy starts the log from the top.
 */
const { file, everyMs } = workerData as CheckpointThreadData;
runAtBackgroundPriority();
const connection = new Database(file, { fileMustExist: true });
// as the app's connection (lib/db.ts): the database file is synced at each checkpoint, not at each commit
connection.pragma("synchronous = NORMAL");
setInterval(() => {
  try {
    connection.pragma("wal_checkpoint(PASSIVE)");
  } catch (e) {
    // a locked or busy moment: the next round tries again, and the app's own connection still
    // checkpoints past its backstop
    console.error("wal checkpoint:", (e as Error).message);
  }
}, everyMs);
