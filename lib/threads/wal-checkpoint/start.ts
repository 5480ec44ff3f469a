import { Worker } from "node:worker_threads";
import { isPostgresClient, sqliteConnection, type Db } from "@/lib/db";
import { processWide, replaceProcessWide } from "@/lib/process-wide";
import { entryPath } from "@/lib/threads/serial-thread";
import type { CheckpointThreadData } from "./protocol";

/**
 * Log pages the app's own connection may gather before it checkpoints by itself (SQLite's default is
 * 1,000, ~4 MB): the backstop should this thread fall behind or die, ~40 MB of log.
 */
const BACKSTOP_PAGES = 10_000;
const SQLITE_DEFAULT_PAGES = 1_000;
const EVERY_MS = 1_000;

type CheckpointThread = { stop(): Promise<void> };

/**
 * On a SQLite server, copy the write-ahead log back into the database file from a thread of its own.
 * By default the connection whose commit takes the log past ~4 MB does that copy itself, with an fsync
 * of the database file, inside the commit: on the app's one connection that is the thread answering
 * pages, and a 1.5 MB upload paid 10–20 ms more every other time (measured: stores of 14–20 ms,
 * 23–40 ms with the copy). Here the app's connection keeps only a backstop and this thread copies
 * once a second at background priority. Null on PostgreSQL, for an in-memory database, or when the
 * file is not in WAL mode. Should the thread die, the app's connection goes back to SQLite's default.
 * One per process: a second call returns the first thread.
 */
export async function checkpointInBackground(db: Db, { everyMs = EVERY_MS } = {}): Promise<CheckpointThread | null> {
  if (isPostgresClient(db)) return null;
  await db.$connect();
  const connection = sqliteConnection(db);
  if (!connection || connection.memory) return null;
  if (String(connection.pragma("journal_mode", { simple: true })).toLowerCase() !== "wal") return null;
  const slot = `walCheckpointThread:${connection.name}`;
  return processWide<CheckpointThread>(slot, () => {
    connection.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    const worker = new Worker(/* turbopackIgnore: true */ entryPath("lib", "threads", "wal-checkpoint", "entry.mjs"), {
      workerData: { file: connection.name, everyMs } satisfies CheckpointThreadData,
    });
    worker.unref();
    let stopping = false;
    // a thread that cannot start (or dies) says so here: the app's connection checkpoints by itself again
    worker.on("error", (e) => console.error("wal checkpoint thread error", e));
    worker.on("exit", (code) => {
      if (stopping) return;
      console.error(`wal checkpoint thread stopped (exit code ${code}); the app's connection checkpoints by itself again`);
      if (connection.open) connection.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
    });
    return {
      async stop() {
        stopping = true;
        replaceProcessWide(slot, undefined);
        await worker.terminate();
        if (connection.open) connection.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
      },
    };
  });
}
