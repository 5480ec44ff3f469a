import type { LiveMessage } from "@/lib/live/messages";

/**
 * app thread → runner thread: a job was enqueued in this process, look now rather than at the next
 * poll; or the server is stopping: finish the job in hand, take no more
 */
export type ToRunner = { wake: true } | { stop: true };
/** runner thread → app thread: announce this to open pages (the app thread owns the live bus); or "stopped" */
export type FromRunner = { live: LiveMessage } | { stopped: true };
