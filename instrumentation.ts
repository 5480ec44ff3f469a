// Next calls register() once when a server process starts: every app server runs a check-job
// runner (decision 020), unless CHECK_WORKER=0 leaves the checks to `npm run worker` processes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // uploads are parsed and stored on a thread of their own (decision 027): load it now, not on the first upload
  const { warmUpIngestThread } = await import("@/lib/articles/ingest-off-thread");
  warmUpIngestThread();
  if (process.env.CHECK_WORKER === "0") return;
  const { startServerCheckWorker } = await import("@/lib/jobs/start-server-check-worker");
  startServerCheckWorker();
}
