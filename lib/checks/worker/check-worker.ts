import { parentPort } from "node:worker_threads";
import { runChecks } from "@/lib/checks/run-checks";
import type { CheckRequest, CheckResponse } from "./protocol";

/**
 * The checks' own thread: runs one article at a time and answers with its findings. The thread that
 * serves pages never runs a rule, so however long an article takes, other requests are answered;
 * a run over its budget is ended from outside by terminating this thread.
 */
const port = parentPort;
if (!port) throw new Error("check-worker.ts runs only as a worker thread");

port.on("message", (req: CheckRequest) => {
  let res: CheckResponse;
  try {
    res = { id: req.id, ok: true, result: runChecks(req.input) };
  } catch (e) {
    res = { id: req.id, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  port.postMessage(res);
});
port.postMessage({ ready: true });
