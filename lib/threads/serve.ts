import { parentPort } from "node:worker_threads";
import { isAppError } from "@/lib/errors";
import { runAtBackgroundPriority } from "./background-priority";
import type { ThreadRequest, ThreadResponse } from "./protocol";

/**
 * The worker side of a SerialThread: answer each request with the handler's result, one at a time,
 * and say "ready" once the module (rules, dictionary, database client) has loaded.
 */
export function serveRequests<I, O>(handler: (input: I) => O | Promise<O>): void {
  const port = parentPort;
  if (!port) throw new Error("serveRequests runs only in a worker thread");
  runAtBackgroundPriority();
  port.on("message", async (req: ThreadRequest<I>) => {
    let res: ThreadResponse<O>;
    try {
      res = { id: req.id, ok: true, result: await handler(req.input) };
    } catch (e) {
      res = {
        id: req.id,
        ok: false,
        error: isAppError(e)
          ? { name: e.name, message: e.message, code: e.code, fields: e.fields }
          : e instanceof Error
            ? { name: e.name, message: e.message }
            : { name: "Error", message: String(e) },
      };
    }
    port.postMessage(res);
  });
  port.postMessage({ ready: true });
}
