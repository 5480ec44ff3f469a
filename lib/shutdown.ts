import { processWide } from "@/lib/process-wide";

type Hook = () => Promise<void> | void;

/** The key under which scripts/serve.mjs, outside the app's build, finds `runShutdownHooks`. */
const SHUTDOWN_KEY = Symbol.for("copydesk.shutdown");

const hooks = () => processWide("shutdownHooks", () => new Set<Hook>());
const state = () => processWide("shutdownState", () => ({ stopping: false }));
// set on loading, so a stop marks the process as stopping even before any hook was added
(globalThis as unknown as Record<symbol, unknown>)[SHUTDOWN_KEY] = () => runShutdownHooks();

/**
 * Run `hook` when the server is told to stop (scripts/serve.mjs on SIGTERM or SIGINT), before it
 * exits: end what would otherwise hold the stop up or be cut off (live streams, the check job in
 * hand). Returns a function that takes the hook back.
 */
export function onShutdown(hook: Hook): () => void {
  // already stopping (a browser reconnected in the meantime): run it at once, once its caller is set up
  if (state().stopping) {
    queueMicrotask(() => void Promise.resolve().then(hook).catch((e) => console.error("shutdown:", e)));
    return () => {};
  }
  const all = hooks();
  all.add(hook);
  return () => all.delete(hook);
}

/** Every hook at once; resolves when all have finished (a failing one is logged, not fatal). */
export async function runShutdownHooks(): Promise<void> {
  state().stopping = true;
  const outcomes = await Promise.allSettled([...hooks()].map(async (hook) => hook()));
  for (const o of outcomes) if (o.status === "rejected") console.error("shutdown:", o.reason);
}
