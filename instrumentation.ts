// Next calls register() once when a server process starts: every app server runs a check-job
// runner (decision 020), unless CHECK_WORKER=0 leaves the checks to `npm run worker` processes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // uploads are parsed and stored on a thread of their own (decision 027): Next serves once register()
  // resolves, so wait for that thread (a few seconds at most; never more than 30) and the first upload
  // is not the one that pays for loading it
  const { warmUpIngestThread } = await import("@/lib/articles/ingest-off-thread");
  await Promise.race([warmUpIngestThread(), new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
  // SQLite: the write-ahead log is copied back into the database file off the page thread
  const { db } = await import("@/lib/db");
  const { checkpointInBackground } = await import("@/lib/threads/wal-checkpoint/start");
  // without it the app's connection copies the log itself, as SQLite does by default: slower, not wrong
  await checkpointInBackground(db).catch((e) => console.error("wal checkpoint thread not started", e));
  // an app server remembers the changes it hears from its start, not from its first page's stream:
  // a page rendered before that stream opened must learn of a change made in between
  const { liveRecentChanges } = await import("@/lib/live/live");
  liveRecentChanges();
  // what scripts/serve.mjs calls on SIGTERM or SIGINT (live streams and the runner add their hooks)
  const { onShutdown } = await import("@/lib/shutdown");
  if (process.env.CHECK_WORKER === "0") return;
  const { startServerCheckWorker } = await import("@/lib/jobs/start-server-check-worker");
  const runner = startServerCheckWorker();
  // a stop lets the job in hand finish (within serve.mjs's grace), rather than leave it to be taken
  // over when its lease runs out, with one of its attempts spent
  onShutdown(() => runner.stop());
}
